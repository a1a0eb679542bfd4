/// How big a sample agency `DemoAgency.generate(today:options:)` makes, and from which seed.
public struct DemoOptions: Sendable, Equatable {
    /// The seed of the generator: the same seed and `today` give the same agency.
    public var seed: UInt64
    /// How many people work at the agency (at least 2: a mentor and a mentee).
    public var people: Int
    /// How many coaching engagements, open and historical.
    public var engagements: Int
    /// How many mentoring relationships, open and historical.
    public var relationships: Int
    /// How many sessions in all, across every engagement and relationship.
    public var sessions: Int

    public init(seed: UInt64 = 42, people: Int = 24, engagements: Int = 10, relationships: Int = 8, sessions: Int = 120) {
        self.seed = seed; self.people = people; self.engagements = engagements
        self.relationships = relationships; self.sessions = sessions
    }
}
