import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem prep REF`: the brief to read before a session.
struct PrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "Print the prep brief for an engagement or a relationship.",
        discussion: """
        REF is an id, an id prefix, or part of the coachee's or mentee's name (coaching: or \
        mentoring: in front chooses the kind). The brief: last session's notes, open action \
        items, each metric's change since the last session, days since the last contact, and \
        goals or objectives not touched in the last three sessions. --format md prints Markdown \
        for a notebook. Takes no lock.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md }

    @OptionGroup var data: DataDirOptions
    @Argument(help: ArgumentHelp("The engagement or relationship.", valueName: "ref")) var ref: String
    @Option(help: "text or md.") var format: Format = .text

    func run() throws {
        let today = try Clock.today()
        let store = try Store.openSealing(data.resolved(), forEditing: false)
        defer { store.close() }
        // The record is found on the whole history without sessions, then read whole, its
        // sealed notes opened: the brief shows the last session's notes.
        var files: [RecordRef: String] = [:]
        let lean: Snapshot
        do { lean = try store.loadReduced(kinds: [.person, .coaching, .mentoring], files: &files) { $0.withoutSessions } } catch { throw CLIFailure.store(error) }
        let found: SessionRecord
        // Open records first, so a closed engagement does not make a name ambiguous.
        var open = lean
        open.engagements = open.engagements.filter(\.isOpen)
        open.relationships = open.relationships.filter { $0.status != .closed }
        switch RecordQuery.resolve(ref, in: open) {
        case .success(let r): found = r
        case .failure(let first):
            switch RecordQuery.resolve(ref, in: lean) {
            case .success(let r): found = r
            case .failure(let f): throw CLIFailure.input("REF: \(first == .noMatch(ref.trimmingCharacters(in: .whitespaces)) ? f : first)")
            }
        }
        let recordRef: RecordRef = switch found {
        case .coaching(let e): RecordRef(kind: .coaching, id: e.id)
        case .mentoring(let r): RecordRef(kind: .mentoring, id: r.id)
        }
        let record: SessionRecord
        do {
            guard let rel = files[recordRef] else { throw StoreError(.notFound, "no record \(recordRef) in this store") }
            switch try store.readRecord(recordRef, file: rel) {
            case .coaching(let e): record = .coaching(e)
            case .mentoring(let r): record = .mentoring(r)
            case .person, .assessment: throw StoreError(.notFound, "no record \(recordRef) in this store")
            }
        } catch { throw CLIFailure.store(error) }
        store.reportSealNotices()
        let brief = PrepBrief(record, people: PeopleIndex(lean.people), today: today)
        emit(brief.lines(format == .md ? .md : .text).joined(separator: "\n"))
    }
}
