import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// What a form edits; saved in drafts, so it is Codable.
public enum FormKind: Codable, Equatable, Sendable {
    case log(RecordRefCodable)
    case newPerson
    case editPerson(UUID)
    case newEngagement
    case editEngagement(UUID)
    case newRelationship
    case editRelationship(UUID)
    /// A past session of an engagement or relationship, by the session's id.
    case editSession(RecordRefCodable, UUID)
}

extension FormKind {
    /// The record the form edits, if it edits one (a new record has none yet).
    var editedRecord: RecordRef? {
        switch self {
        case .log(let r): RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
        case .editPerson(let id): RecordRef(kind: .person, id: id)
        case .editEngagement(let id): RecordRef(kind: .coaching, id: id)
        case .editRelationship(let id): RecordRef(kind: .mentoring, id: id)
        case .editSession(let r, _): RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
        case .newPerson, .newEngagement, .newRelationship: nil
        }
    }
}

/// A `RecordRef` that can travel in a draft file.
public struct RecordRefCodable: Codable, Equatable, Sendable {
    public var kind: String
    public var id: UUID
}

/// One field of a form: a label, an editor, and a hint of the expected form.
public struct FormField: Equatable, Sendable {
    public enum Editor: Equatable, Sendable {
        case line(LineField)
        /// A multi-line field and how many rows it gets.
        case area(TextArea, rows: Int)
        /// One of a few choices; Space or ←/→ cycle.
        case choice([String], Int)
        /// A list of items that keep their ids (objectives, metrics, goals, action items).
        case items(ItemList)
    }

    public var id: String
    public var label: String
    public var hint: String
    public var editor: Editor
    /// A date field: a draft keeps the day it resolved to ("today" → 2026-11-29), not the word.
    public var isDate = false
    /// The person picked into a people field, with the text it was picked as: it counts while
    /// the field still shows that text (typing over it makes the field text to resolve again).
    public var picked: PersonPick?

    public init(_ id: String, _ label: String, hint: String = "", line text: String) {
        self.id = id; self.label = label; self.hint = hint; self.editor = .line(LineField(text: text))
    }

    public init(_ id: String, _ label: String, hint: String = "", area text: String, rows: Int) {
        self.id = id; self.label = label; self.hint = hint; self.editor = .area(TextArea(text: text), rows: rows)
    }

    public init(_ id: String, _ label: String, hint: String = "", choices: [String], selected: Int) {
        self.id = id; self.label = label; self.hint = hint; self.editor = .choice(choices, selected)
    }

    public init(_ id: String, _ label: String, hint: String = "", items: ItemList) {
        self.id = id; self.label = label; self.hint = hint; self.editor = .items(items)
    }

    /// The same field, marked as a date.
    func date() -> FormField { var f = self; f.isDate = true; return f }

    /// The list of items, for an item field.
    public var items: ItemList? { if case .items(let l) = editor { l } else { nil } }

    /// What tells whether the field changed: its text (and the person picked), or an item
    /// list's ids, lines and done days.
    var fingerprint: String { items?.fingerprint ?? (text + (personID.map { "\u{1F}" + $0.uuidString } ?? "")) }

    /// The person this people field stands for, when one was picked and the text still says so.
    public var personID: UUID? { picked.flatMap { $0.text == text ? $0.id : nil } }

    /// The same field, standing for the person `id` shown as its text.
    func picking(_ id: UUID?) -> FormField { var f = self; f.picked = id.map { PersonPick(id: $0, text: f.text) }; return f }

    /// The field's text (a choice gives the chosen label; an item list its lines).
    public var text: String {
        switch editor {
        case .line(let f): f.text
        case .area(let a, _): a.text
        case .choice(let c, let i): c[i]
        case .items(let l): l.rows.map(\.text).joined(separator: "\n")
        }
    }

    /// Replaces the text (draft restore): a choice takes the matching label.
    mutating func setText(_ s: String) {
        switch editor {
        case .line: editor = .line(LineField(text: s))
        case .area(_, let rows): editor = .area(TextArea(text: s), rows: rows)
        case .choice(let c, let i): editor = .choice(c, c.firstIndex(of: s) ?? i)
        case .items(var l):
            l.replaceLines(s.components(separatedBy: "\n"))
            editor = .items(l)
        }
    }

    /// Gives the field a key; false when it does not use it. `leftByNotes` are keys a
    /// multi-line field leaves to the key table. The one editing rule of every form and dialog.
    mutating func handle(_ key: Key, width: Int, leftByNotes: Set<Key> = []) -> Bool {
        switch editor {
        case .line(var f):
            guard f.handle(key) else { return false }
            editor = .line(f)
        case .area(var a, let rows):
            guard !leftByNotes.contains(key), a.handle(key, width: width) else { return false }
            a.scrollToCursor(width: width, height: rows)
            editor = .area(a, rows: rows)
        case .choice(let c, let i):
            switch key {
            case .char(" "), .right: editor = .choice(c, (i + 1) % c.count)
            case .left: editor = .choice(c, (i + c.count - 1) % c.count)
            default: return false
            }
        case .items(var l):
            let used = l.handle(key)
            // An empty new item left behind is dropped even when the key moves on.
            editor = .items(l)
            return used
        }
        return true
    }
}

/// A person chosen in a people field (from the picker, or the record the form edits).
public struct PersonPick: Equatable, Sendable {
    public var id: UUID
    /// The field's text when it was picked.
    public var text: String
    public init(id: UUID, text: String) { self.id = id; self.text = text }
}

/// A form over the dashboard: fields, the focused one, and errors shown at their fields.
public struct Form: Equatable, Sendable {
    public var kind: FormKind
    public var title: String
    public var fields: [FormField]
    public var focus: Int
    /// Field id → message with the expected form.
    public var errors: [String: String] = [:]
    /// The texts as the form opened, to tell whether anything was typed.
    public var initialTexts: [String]

    public init(kind: FormKind, title: String, fields: [FormField], focus: String? = nil) {
        self.kind = kind; self.title = title; self.fields = fields
        self.focus = focus.flatMap { id in fields.firstIndex { $0.id == id } } ?? 0
        self.initialTexts = fields.map(\.fingerprint)
    }

    /// True when something was typed since the form opened.
    public var isDirty: Bool { fields.map(\.fingerprint) != initialTexts }

    /// The name of the draft this form was restored from, deleted if the form is discarded.
    public var restoredDraft: String?

    /// True when the field `id` still holds what it held when the form opened.
    func isUnchanged(_ id: String) -> Bool {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return true }
        return initialTexts[safe: i] == fields[i].fingerprint
    }

    /// The item list of field `id`.
    public func items(_ id: String) -> ItemList? { fields.first { $0.id == id }?.items }

    /// The focused field's item list, if it is one.
    var focusedItems: ItemList? { fields[safe: focus]?.items }

    /// Changes the focused field's item list.
    mutating func updateFocusedItems(clearingError: Bool = true, _ change: (inout ItemList) -> Void) {
        guard var l = focusedItems else { return }
        change(&l)
        fields[focus].editor = .items(l)
        if clearingError { errors[fields[focus].id] = nil }
    }

    public func text(_ id: String) -> String {
        fields.first { $0.id == id }?.text ?? ""
    }

    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    /// Gives the focused field a key; returns false when the field doesn't use it.
    mutating func handle(_ key: Key, width: Int) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        // Ctrl-E in a note opens the external editor (End goes to the end of the line).
        guard fields[focus].handle(key, width: width, leftByNotes: [.ctrl("e")]) else { return false }
        errors[fields[focus].id] = nil
        return true
    }

    mutating func moveFocus(by n: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + n + fields.count) % fields.count
    }

    /// Focuses the first field with an error.
    mutating func focusFirstError() {
        if let i = fields.firstIndex(where: { errors[$0.id] != nil }) { focus = i }
    }
}

/// An unsaved form kept on disk (SIGTERM, a closed terminal) and offered back next time.
public struct FormDraft: Codable, Equatable, Sendable {
    public var name: String
    public var kind: FormKind
    public var title: String
    /// Field id → text.
    public var fields: [String: String]
    public var savedOn: Day
    /// Item fields: field id → rows, with the ids of what they edit (absent in older drafts).
    public var items: [String: [ItemRow]]?
    /// People fields: field id → the person picked (absent in older drafts).
    public var people: [String: UUID]?

    public init(name: String, kind: FormKind, title: String, fields: [String: String], savedOn: Day, items: [String: [ItemRow]]? = nil) {
        self.name = name; self.kind = kind; self.title = title; self.fields = fields; self.savedOn = savedOn; self.items = items
    }
}

/// Messages to show at a form's fields, by field id.
public struct FieldErrors: Error, Equatable, Sendable {
    public var fields: [String: String]
    public init(_ fields: [String: String]) { self.fields = fields }
}
