extension DemoGenerator {
    /// What the sessions of one record are about, and who is in them.
    struct SessionSetting {
        /// The coachee or mentee, as notes call them.
        let name: String
        /// The coach or mentor.
        let other: String
        /// The engagement's focus, or the relationship's focus areas.
        let focuses: [String]
        /// What the sessions are mostly about; notes are written around one of them.
        let topics: [String]
        /// What comes up besides.
        let asides: [String]
        let openers: [DemoVocabulary.Template]
        /// The record is closed: its action items are settled, nearly all done.
        let settled: Bool
    }

    /// One session: minutes, notes from templates, topics, action items, pulse and visibility.
    mutating func makeSession(on date: Day, _ s: SessionSetting, nextDate: Day?) -> Session {
        var topics = [rng.pick(s.topics)]
        if rng.chance(0.5), let aside = rng.sample(s.asides + s.topics, count: 1).first, aside != topics[0] {
            topics.append(aside)
        }
        let context = DemoVocabulary.NoteContext(name: s.name, other: s.other, focus: rng.pick(s.focuses), topic: topics[0])
        var notes = rng.pick(s.openers)(context)
        if rng.chance(0.8) { notes += " " + rng.pick(DemoVocabulary.followUps)(context) }
        if rng.chance(0.2) { notes += "\n" + rng.pick(DemoVocabulary.secondLines)(context) }
        if rng.chance(0.04) { notes += "\n" + rng.pick(DemoVocabulary.worldLines) }

        var items: [ActionItem] = []
        let count = [0, 1, 2, 3][rng.weighted([0.3, 0.4, 0.22, 0.08])]
        for template in rng.sample(DemoVocabulary.actionTemplates, count: count) {
            let due = date.adding(days: rng.int(3...14))
            let done: Bool
            if s.settled { done = rng.chance(0.96) } else { done = rng.chance(due < today ? 0.85 : 0.25) }
            var doneOn: Day? = nil
            if done {
                let latest = min(today, due.adding(days: 2))
                doneOn = date.adding(days: rng.int(0...max(0, date.days(to: latest))))
            }
            items.append(ActionItem(id: rng.uuid(), text: template(context),
                                    due: due, doneOn: doneOn))
        }
        return Session(id: rng.uuid(), date: date, minutes: [30, 45, 60, 75, 90][rng.weighted([1, 4, 3.5, 0.5, 1])],
                       notes: notes, topics: topics, actionItems: items,
                       pulse: [nil, 2, 3, 4, 5][rng.weighted([0.04, 0.04, 0.17, 0.4, 0.35])],
                       visibility: rng.chance(0.55) ? .shared : .private, nextDate: nextDate)
    }
}
