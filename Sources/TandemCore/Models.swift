import Foundation

// The entities of DESIGN.md §1: plain values, Codable, Equatable, Sendable.
// JSON keys are the property names; optional values are omitted when nil.
// Derived facts (health, forecast, progress…) are computed by the rules, never stored.

/// The newest version of the record files this build reads and writes. Older files are migrated
/// on load. A file is written in the oldest format that holds it: format 1 unless a session in it
/// is sealed (`sealedFormat`), so an older Tandem opens such a file read-only instead of dropping
/// the sealed value it does not know.
public let currentFormat = 2

/// The format of a record file that holds a sealed session (`Session.sealed`).
public let sealedFormat = 2

public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
    case junior, mid, senior, lead, partner

    public var rank: Int { Level.allCases.firstIndex(of: self)! }
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// Someone at the agency.
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var role: String
    public var team: String
    public var level: Level
    public var startDate: Day?
    /// What they can mentor in.
    public var expertise: [String]
    /// What they want to grow in.
    public var interests: [String]
    /// How many mentees they can take at once.
    public var mentoringCapacity: Int
    public var managerID: UUID?
    /// The day they left; `nil` while they are at the agency.
    public var leftOn: Day?

    public init(id: UUID, name: String, role: String = "", team: String = "", level: Level = .mid,
                startDate: Day? = nil, expertise: [String] = [], interests: [String] = [],
                mentoringCapacity: Int = 0, managerID: UUID? = nil, leftOn: Day? = nil) {
        self.id = id; self.name = name; self.role = role; self.team = team; self.level = level
        self.startDate = startDate; self.expertise = expertise; self.interests = interests
        self.mentoringCapacity = mentoringCapacity; self.managerID = managerID; self.leftOn = leftOn
    }

    public var isCurrent: Bool { leftOn == nil }
}

/// Who coaches: a person at the agency, or an external coach known by name.
public enum Coach: Equatable, Sendable, Codable {
    case person(UUID)
    case external(String)

    private enum CodingKeys: String, CodingKey { case personID, external }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try c.decodeIfPresent(UUID.self, forKey: .personID) {
            self = .person(id)
        } else if let name = try c.decodeIfPresent(String.self, forKey: .external) {
            self = .external(name)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected {\"personID\": UUID} or {\"external\": name}"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .person(let id): try c.encode(id, forKey: .personID)
        case .external(let name): try c.encode(name, forKey: .external)
        }
    }
}

public enum EngagementStatus: String, Codable, Sendable, CaseIterable {
    case planned, active, onHold, completed, cancelled

    public var label: String {
        switch self {
        case .planned: "planned"
        case .active: "active"
        case .onHold: "on hold"
        case .completed: "completed"
        case .cancelled: "cancelled"
        }
    }
}

public enum RelationshipStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, closed
}

/// Whether a bigger reading is better (win rate) or a smaller one (revision rounds).
public enum Direction: String, Codable, Sendable {
    case higherIsBetter, lowerIsBetter
}

public enum Visibility: String, Codable, Sendable, CaseIterable {
    /// Seen by the leader only: sealed to the author's identity.
    case `private`
    /// Shared with the person: plain text.
    case shared
    /// Seen by the agency's partners: sealed to each leader listed in `tandem.json`.
    case partners

    /// Whether a session of this visibility is sealed at rest.
    public var isSealed: Bool { self != .shared }
    /// Whether an export leaves a session of this visibility out unless `--include-private`.
    public var isPrivate: Bool { self != .shared }
}

/// A coaching objective: a line of text, done on a day.
public struct Objective: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var text: String
    public var doneOn: Day?
    public init(id: UUID, text: String, doneOn: Day? = nil) { self.id = id; self.text = text; self.doneOn = doneOn }
}

/// A mentoring goal: a line of text, an optional target date, achieved on a day.
public struct Goal: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var text: String
    public var targetDate: Day?
    public var achievedOn: Day?
    public init(id: UUID, text: String, targetDate: Day? = nil, achievedOn: Day? = nil) {
        self.id = id; self.text = text; self.targetDate = targetDate; self.achievedOn = achievedOn
    }
}

/// One value of a metric on a day, usually taken in a session.
public struct Reading: Codable, Equatable, Sendable {
    public var date: Day
    public var value: Double
    /// The session it was taken in, if any.
    public var sessionID: UUID?
    public init(date: Day, value: Double, sessionID: UUID? = nil) { self.date = date; self.value = value; self.sessionID = sessionID }
}

/// A coaching metric that moves from a baseline toward a target.
public struct Metric: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    /// Shown after values: "%", "pts", "rounds".
    public var unit: String
    public var baseline: Double
    public var target: Double
    public var direction: Direction
    /// Kept in date order.
    public var readings: [Reading]

    public init(id: UUID, name: String, unit: String, baseline: Double, target: Double,
                direction: Direction, readings: [Reading] = []) {
        self.id = id; self.name = name; self.unit = unit; self.baseline = baseline; self.target = target
        self.direction = direction; self.readings = readings
    }
}

/// A follow-up agreed in a session.
public struct ActionItem: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var text: String
    public var due: Day?
    public var doneOn: Day?
    public init(id: UUID, text: String, due: Day? = nil, doneOn: Day? = nil) {
        self.id = id; self.text = text; self.due = due; self.doneOn = doneOn
    }
}

/// The log entry coaching and mentoring share. Metric readings taken in a coaching
/// session live on the metric (`Reading.sessionID` points back here).
public struct Session: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var date: Day
    public var minutes: Int
    /// What was written in the session (notes, topics, action items, sealed box) behind one
    /// reference, `nil` (no allocation) when there is none: so every session a lean copy keeps
    /// of a closed record (`Insights.closedReading`: dates, minutes and pulse only) takes 64
    /// bytes, not the 104 it took with these inline; the dashboard holds a hundred thousand of
    /// them over a long history. Copies share it until one changes (then it gets a new one).
    private var texts: Boxed<Texts>
    /// `nextDate`'s day number, `Int.min` without one (no day of a file is that far back):
    /// eight bytes where an optional took sixteen.
    private var nextDay: Int
    /// "How useful was it", 1–5.
    public var pulse: Int?
    public var visibility: Visibility
    /// Set by `withoutTexts` and `lean` only, never read from or written to a file: this is a lean copy whose
    /// notes, topics and item texts were left out, so it is never saved nor edited (the store
    /// refuses a record holding one; the dashboard reads its record whole first).
    /// (Here, beside `visibility`, so the session takes no more room.)
    public private(set) var textsLeftOut = false

    /// What `texts` holds when the session has some.
    private struct Texts: Equatable, Sendable {
        var notes: String
        var topics: [String]
        var actionItems: [ActionItem]
        @Boxed var sealed: SealedNote?

        init(notes: String = "", topics: [String] = [], actionItems: [ActionItem] = [], sealed: SealedNote? = nil) {
            self.notes = notes; self.topics = topics; self.actionItems = actionItems; self.sealed = sealed
        }

        var isEmpty: Bool { notes.isEmpty && topics.isEmpty && actionItems.isEmpty && sealed == nil }
        /// `nil` when empty, so an empty session holds no box (and equal sessions compare equal).
        var boxed: Boxed<Texts> { Boxed(wrappedValue: isEmpty ? nil : self) }
    }

    private mutating func editTexts(_ change: (inout Texts) -> Void) {
        var t = texts.wrappedValue ?? Texts()
        change(&t)
        texts = t.boxed
    }

    public var notes: String {
        get { texts.wrappedValue?.notes ?? "" }
        set { editTexts { $0.notes = newValue } }
    }

    public var topics: [String] {
        get { texts.wrappedValue?.topics ?? [] }
        set { editTexts { $0.topics = newValue } }
    }

    public var actionItems: [ActionItem] {
        get { texts.wrappedValue?.actionItems ?? [] }
        set { editTexts { $0.actionItems = newValue } }
    }

    public var nextDate: Day? {
        get { nextDay == Int.min ? nil : Day(dayNumber: nextDay) }
        set { nextDay = newValue?.dayNumber ?? Int.min }
    }

    /// The notes, topics and action items sealed to their readers (a private or partners
    /// session written since sealing came in); `nil` for a shared session and for a private one
    /// written before. In memory, `notes`, `topics` and `actionItems` hold what it opened to, or
    /// `SealedNote.placeholder` when it could not be opened; in the file they are empty. Boxed:
    /// most sessions have none, and a `Session` is held for every session of a history.
    public var sealed: SealedNote? {
        get { texts.wrappedValue?.sealed }
        set { editTexts { $0.sealed = newValue } }
    }

    private enum CodingKeys: String, CodingKey {
        case id, date, minutes, notes, topics, actionItems, pulse, visibility, nextDate, sealed
    }

    public init(id: UUID, date: Day, minutes: Int, notes: String = "", topics: [String] = [],
                actionItems: [ActionItem] = [], pulse: Int? = nil, visibility: Visibility = .private,
                nextDate: Day? = nil, sealed: SealedNote? = nil) {
        self.id = id; self.date = date; self.minutes = minutes
        texts = Texts(notes: notes, topics: topics, actionItems: actionItems, sealed: sealed).boxed
        nextDay = nextDate?.dayNumber ?? Int.min
        self.pulse = pulse; self.visibility = visibility
    }

    /// As the synthesized conformance read it: every key but `pulse`, `nextDate` and `sealed`
    /// required, in this order.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(UUID.self, forKey: .id)
        let date = try c.decode(Day.self, forKey: .date)
        let minutes = try c.decode(Int.self, forKey: .minutes)
        let notes = try c.decode(String.self, forKey: .notes)
        let topics = try c.decode([String].self, forKey: .topics)
        let actionItems = try c.decode([ActionItem].self, forKey: .actionItems)
        let pulse = try c.decodeIfPresent(Int.self, forKey: .pulse)
        let visibility = try c.decode(Visibility.self, forKey: .visibility)
        let nextDate = try c.decodeIfPresent(Day.self, forKey: .nextDate)
        let sealed = try c.decodeIfPresent(SealedNote.self, forKey: .sealed)
        self.init(id: id, date: date, minutes: minutes, notes: notes, topics: topics, actionItems: actionItems,
                  pulse: pulse, visibility: visibility, nextDate: nextDate, sealed: sealed)
    }

    /// As the synthesized conformance wrote it: `pulse`, `nextDate` and `sealed` left out when `nil`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(minutes, forKey: .minutes)
        try c.encode(notes, forKey: .notes)
        try c.encode(topics, forKey: .topics)
        try c.encode(actionItems, forKey: .actionItems)
        try c.encodeIfPresent(pulse, forKey: .pulse)
        try c.encode(visibility, forKey: .visibility)
        try c.encodeIfPresent(nextDate, forKey: .nextDate)
        try c.encodeIfPresent(sealed, forKey: .sealed)
    }

    /// Whether the session is sealed and this identity could not open it.
    public var isSealedShut: Bool { sealed.map { $0.opened == nil } ?? false }
}

/// A status taken on a day: the history behind pauses, resumptions, closings and reopenings.
///
/// JSON keys: `date`, `status` (the status taken), and, when known, `from` (the status left) and
/// `note` (the outcome recorded when closing, or why it was paused or reopened). Files written
/// before `from` and `note` existed still decode.
public struct StatusChange<S: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var date: Day
    /// The status taken on `date` (the "to" of the change).
    public var status: S
    /// The status left on `date`; `nil` in files written before it was recorded.
    public var from: S?
    /// The outcome sentence of a closing, or a note on a pause or a reopening.
    public var note: String?
    public init(date: Day, status: S, from: S? = nil, note: String? = nil) {
        self.date = date; self.status = status; self.from = from; self.note = note
    }
}

/// Short-term, performance-driven: objectives, a deadline, metrics.
public struct CoachingEngagement: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var coacheeID: UUID
    public var coach: Coach
    public var focus: String
    public var objectives: [Objective]
    public var start: Day
    public var deadline: Day
    public var status: EngagementStatus
    /// How many sessions were planned, if a number was agreed.
    public var plannedSessions: Int?
    /// Days between sessions, if a rhythm was agreed.
    public var cadenceDays: Int?
    public var metrics: [Metric]
    /// Kept in date order.
    public var sessions: [Session]
    /// What came of it, in a sentence: recorded when it is completed or cancelled.
    public var outcome: String?
    /// The day it was completed or cancelled; `nil` while open (and in older files).
    public var closedOn: Day?
    /// Every change of status (put on hold, completed, reopened…), in date order. Omitted from
    /// the file while empty, so files written before it existed keep their bytes.
    public var history: [StatusChange<EngagementStatus>]

    public init(id: UUID, coacheeID: UUID, coach: Coach, focus: String, objectives: [Objective] = [],
                start: Day, deadline: Day, status: EngagementStatus = .active, plannedSessions: Int? = nil,
                cadenceDays: Int? = nil, metrics: [Metric] = [], sessions: [Session] = [], outcome: String? = nil,
                closedOn: Day? = nil, history: [StatusChange<EngagementStatus>] = []) {
        self.id = id; self.coacheeID = coacheeID; self.coach = coach; self.focus = focus
        self.objectives = objectives; self.start = start; self.deadline = deadline; self.status = status
        self.plannedSessions = plannedSessions; self.cadenceDays = cadenceDays; self.metrics = metrics
        self.sessions = sessions; self.outcome = outcome; self.closedOn = closedOn; self.history = history
    }

    private enum CodingKeys: String, CodingKey {
        case id, coacheeID, coach, focus, objectives, start, deadline, status, plannedSessions, cadenceDays
        case metrics, sessions, outcome, closedOn, history
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        coacheeID = try c.decode(UUID.self, forKey: .coacheeID)
        coach = try c.decode(Coach.self, forKey: .coach)
        focus = try c.decode(String.self, forKey: .focus)
        objectives = try c.decode([Objective].self, forKey: .objectives)
        start = try c.decode(Day.self, forKey: .start)
        deadline = try c.decode(Day.self, forKey: .deadline)
        status = try c.decode(EngagementStatus.self, forKey: .status)
        plannedSessions = try c.decodeIfPresent(Int.self, forKey: .plannedSessions)
        cadenceDays = try c.decodeIfPresent(Int.self, forKey: .cadenceDays)
        metrics = try c.decode([Metric].self, forKey: .metrics)
        sessions = try c.decode([Session].self, forKey: .sessions)
        outcome = try c.decodeIfPresent(String.self, forKey: .outcome)
        closedOn = try c.decodeIfPresent(Day.self, forKey: .closedOn)
        history = try c.decodeIfPresent([StatusChange<EngagementStatus>].self, forKey: .history) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(coacheeID, forKey: .coacheeID)
        try c.encode(coach, forKey: .coach)
        try c.encode(focus, forKey: .focus)
        try c.encode(objectives, forKey: .objectives)
        try c.encode(start, forKey: .start)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(plannedSessions, forKey: .plannedSessions)
        try c.encodeIfPresent(cadenceDays, forKey: .cadenceDays)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(sessions, forKey: .sessions)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encodeIfPresent(closedOn, forKey: .closedOn)
        if !history.isEmpty { try c.encode(history, forKey: .history) }
    }

    /// Minutes spent in sessions.
    public var minutesInvested: Int { sessions.reduce(0) { $0 + $1.minutes } }
}

/// Long-term, relationship-driven: goals and a meeting cadence.
public struct MentoringRelationship: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var mentorID: UUID
    public var menteeID: UUID
    public var start: Day
    public var cadenceDays: Int
    public var status: RelationshipStatus
    /// Every change of status after the start (paused on…, resumed on…), in date order.
    public var history: [StatusChange<RelationshipStatus>]
    public var focusAreas: [String]
    public var goals: [Goal]
    /// Kept in date order.
    public var sessions: [Session]
    /// What came of it, in a sentence: recorded when it is closed.
    public var outcome: String?
    /// The day it was closed; `nil` while active or paused (and in older files).
    public var closedOn: Day?
    /// The day the current pause began; `nil` unless paused.
    public var pausedOn: Day?
    /// The coaching engagement this relationship continues (the mentee's growth carried on
    /// after it was completed); `nil` for most relationships and in older files.
    public var continuesEngagementID: UUID?

    public init(id: UUID, mentorID: UUID, menteeID: UUID, start: Day, cadenceDays: Int,
                status: RelationshipStatus = .active, history: [StatusChange<RelationshipStatus>] = [],
                focusAreas: [String] = [], goals: [Goal] = [], sessions: [Session] = [],
                outcome: String? = nil, closedOn: Day? = nil, pausedOn: Day? = nil, continuesEngagementID: UUID? = nil) {
        self.id = id; self.mentorID = mentorID; self.menteeID = menteeID; self.start = start
        self.cadenceDays = cadenceDays; self.status = status; self.history = history
        self.focusAreas = focusAreas; self.goals = goals; self.sessions = sessions
        self.outcome = outcome; self.closedOn = closedOn; self.pausedOn = pausedOn
        self.continuesEngagementID = continuesEngagementID
    }

    public var minutesInvested: Int { sessions.reduce(0) { $0 + $1.minutes } }
}

public enum Recommendation: String, Codable, Sendable {
    case coaching, mentoring, hybrid
}

/// One answer of a needs assessment: a question's key and a score 1–5.
///
/// The interview's questions (`AssessmentQuestion`) also keep the answer as given: `yes` for a
/// yes/no question, `months` for the horizon, and `text`, the question as it was asked. Those
/// three are optional, so files written before them still decode; `score` then stays the
/// 1–5 reading of the answer (yes 5, no 1; a horizon's shortness, see `AssessmentQuestion`).
public struct Answer: Codable, Equatable, Sendable {
    public var question: String
    public var score: Int
    /// The answer to a yes/no question.
    public var yes: Bool?
    /// The answer to a question in months (the horizon).
    public var months: Int?
    /// The question as it was asked.
    public var text: String?
    public init(question: String, score: Int, yes: Bool? = nil, months: Int? = nil, text: String? = nil) {
        self.question = question; self.score = score; self.yes = yes; self.months = months; self.text = text
    }
}

/// The needs assessment made before choosing coaching, mentoring or both.
public struct Assessment: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var date: Day
    public var answers: [Answer]
    public var recommendation: Recommendation
    public var rationale: String
    /// The coaching score the interview gave, 0–10 (`NeedsAssessment.maxScore`); `nil` in older files.
    public var coachingScore: Int?
    /// The mentoring score the interview gave, 0–10; `nil` in older files.
    public var mentoringScore: Int?

    public init(id: UUID, personID: UUID, date: Day, answers: [Answer], recommendation: Recommendation, rationale: String,
                coachingScore: Int? = nil, mentoringScore: Int? = nil) {
        self.id = id; self.personID = personID; self.date = date; self.answers = answers
        self.recommendation = recommendation; self.rationale = rationale
        self.coachingScore = coachingScore; self.mentoringScore = mentoringScore
    }
}

/// The thresholds the rules use; kept in `tandem.json`.
public struct Settings: Codable, Equatable, Sendable {
    /// An active engagement with no session for this many days raises a momentum alert.
    public var momentumDays: Int
    /// A mentoring session due within this many days is "due soon".
    public var dueSoonDays: Int
    /// A fizzled relationship: one session, then nothing for this many days.
    public var fizzleDays: Int

    public init(momentumDays: Int = 21, dueSoonDays: Int = 3, fizzleDays: Int = 42) {
        self.momentumDays = momentumDays; self.dueSoonDays = dueSoonDays; self.fizzleDays = fizzleDays
    }
}

/// `tandem.json`: the agency and its settings.
public struct Agency: Codable, Equatable, Sendable {
    public var name: String
    public var settings: Settings
    /// The leaders whose identities the store knows (`tandem identity add-to-store`): a
    /// partners-tier note is sealed to each of them. Absent in older files.
    public var leaders: [Leader]?
    public init(name: String, settings: Settings = Settings(), leaders: [Leader]? = nil) {
        self.name = name; self.settings = settings; self.leaders = leaders
    }
}

/// A leader's public identity as `tandem.json` lists it.
public struct Leader: Codable, Equatable, Sendable {
    public var name: String
    /// The X25519 public key, base64 (32 bytes).
    public var publicKey: String
    public init(name: String, publicKey: String) { self.name = name; self.publicKey = publicKey }
}

/// Everything the store holds, as values.
public struct Snapshot: Equatable, Sendable {
    public var agency: Agency
    public var people: [Person]
    public var engagements: [CoachingEngagement]
    public var relationships: [MentoringRelationship]
    public var assessments: [Assessment]

    public init(agency: Agency, people: [Person] = [], engagements: [CoachingEngagement] = [],
                relationships: [MentoringRelationship] = [], assessments: [Assessment] = []) {
        self.agency = agency; self.people = people; self.engagements = engagements
        self.relationships = relationships; self.assessments = assessments
    }
}

extension Session {
    /// The session without what a person wrote: no notes, no topics, action items without their
    /// text (each keeps its id and days) and no sealed boxes; the visibility is kept. What a
    /// read-only command that counts and dates sessions (insights, lists, matching) holds of a
    /// large history, so that it never holds the history's texts. Never saved: it is marked
    /// `textsLeftOut`, and the store refuses to write a record holding such a session.
    public var withoutTexts: Session {
        var s = self
        s.texts = Texts(actionItems: actionItems.map { ActionItem(id: $0.id, text: "", due: $0.due, doneOn: $0.doneOn) }).boxed
        s.textsLeftOut = true
        return s
    }

    /// `withoutTexts` without the action items either: what a closed record's lean copy keeps
    /// of a session (`Insights.closedReading`), which holds no box at all.
    public var withoutTextsNorItems: Session {
        var s = self
        s.texts = Boxed(wrappedValue: nil)
        s.textsLeftOut = true
        return s
    }

    /// A session as the dashboard's first frame holds an older one of an open record (the store
    /// reads it so from a file its load cache vouches for, and reads the record whole right after
    /// the frame): no notes, no topics and no done action items; its open ones whole (the strip
    /// lists them, the rules count them). Marked `textsLeftOut` like `withoutTexts`, so it is
    /// never saved nor edited.
    public static func lean(id: UUID, date: Day, minutes: Int, actionItems: [ActionItem], pulse: Int?,
                            visibility: Visibility, nextDate: Day?) -> Session {
        var s = Session(id: id, date: date, minutes: minutes, actionItems: actionItems, pulse: pulse,
                        visibility: visibility, nextDate: nextDate)
        s.textsLeftOut = true
        return s
    }
}

/// An optional value kept behind a reference, so a struct holding it stays small while it is
/// absent (`Session.sealed`: over a hundred bytes inline, `nil` in most sessions and in every
/// session a read-only command keeps of a long history). `nil` takes no allocation; copies share
/// a box until one is set (then it gets a new one), so it is still a value. Encoded and decoded as
/// the optional property it stands for: left out of the file when `nil`.
@propertyWrapper
public struct Boxed<Wrapped: Sendable & Equatable>: Sendable, Equatable {
    private final class Box: Sendable {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }
    private var box: Box?

    public init(wrappedValue: Wrapped?) { box = wrappedValue.map(Box.init) }

    public var wrappedValue: Wrapped? {
        get { box?.value }
        set { box = newValue.map(Box.init) }
    }

    public static func == (a: Boxed, b: Boxed) -> Bool {
        switch (a.box, b.box) {
        case (nil, nil): true
        case let (x?, y?): x === y || x.value == y.value
        default: false
        }
    }
}

extension Boxed: Encodable where Wrapped: Encodable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

extension Boxed: Decodable where Wrapped: Decodable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        self.init(wrappedValue: c.decodeNil() ? nil : try c.decode(Wrapped.self))
    }
}

extension KeyedDecodingContainer {
    /// A boxed property whose key is missing (or null) is `nil`, as an optional property is.
    public func decode<T: Decodable & Sendable & Equatable>(_ type: Boxed<T>.Type, forKey key: Key) throws -> Boxed<T> {
        Boxed(wrappedValue: try decodeIfPresent(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// A boxed property that is `nil` is left out, as an optional property is.
    public mutating func encode<T: Encodable & Sendable & Equatable>(_ value: Boxed<T>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
