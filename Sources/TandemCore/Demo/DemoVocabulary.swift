/// The words a demo agency is made of: names, roles, skills, focuses and note templates.
enum DemoVocabulary {
    static let agencyNames = [
        "Northwind Creative", "Harbour & Finch", "Bright Meridian", "Copperleaf Studio",
        "Fieldnote Agency", "Lantern & Co.", "Blue Heron Partners", "Saltmarsh Digital",
    ]

    // MARK: Names

    /// Given and family names of one culture, and how they are written together.
    struct Culture {
        let given: [String]
        let family: [String]
        /// Family name first ("王小明", "佐藤 花子", "Nguyễn Thu Hà").
        let familyFirst: Bool
        let separator: String

        func fullName(given g: String, family f: String) -> String {
            familyFirst ? f + separator + g : g + separator + f
        }

        /// How notes call the person: the given name, or the whole name where the family comes first.
        func shortName(given g: String, family f: String) -> String {
            familyFirst ? fullName(given: g, family: f) : g
        }
    }

    static let cultures: [Culture] = [
        Culture(given: ["Zoë", "Daan", "Sanne", "Joris", "Femke", "Lotte", "Bram", "Noor"],
                family: ["Achterberg", "de Vries", "Bakker", "van Dijk", "Visser", "Jansen", "Smit", "Mulder"],
                familyFirst: false, separator: " "),
        Culture(given: ["José", "Lucía", "Martín", "Inés", "Álvaro", "Carmen", "Sofía", "Andrés"],
                family: ["Núñez", "García", "Fernández", "López", "Ibáñez", "Ortega", "Muñoz", "Castillo"],
                familyFirst: false, separator: " "),
        Culture(given: ["Søren", "Astrid", "Ingrid", "Bjørn", "Freja", "Mads", "Linnéa", "Sigrid"],
                family: ["Ødegaard", "Lindqvist", "Halvorsen", "Nyström", "Bergström", "Dahl", "Åberg", "Holm"],
                familyFirst: false, separator: " "),
        Culture(given: ["小明", "伟", "芳", "静", "秀英", "磊", "婷", "浩然"],
                family: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"],
                familyFirst: true, separator: ""),
        Culture(given: ["花子", "健太", "陽菜", "翔", "美咲", "大輔", "結衣", "蓮"],
                family: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村"],
                familyFirst: true, separator: " "),
        Culture(given: ["민준", "서연", "지훈", "하은", "도윤", "수빈", "예준", "지아"],
                family: ["김", "이", "박", "최", "정", "강", "조", "윤"],
                familyFirst: true, separator: ""),
        Culture(given: ["Amélie", "Théo", "Chloé", "Hélène", "Léon", "Maëlle", "Gaël", "Camille"],
                family: ["Lefèvre", "Dubois", "Moreau", "Girard", "Rousseau", "Beaumont", "Mercier", "Fontaine"],
                familyFirst: false, separator: " "),
        Culture(given: ["Lena", "Felix", "Jonas", "Mia", "Lukas", "Anja", "Jörg", "Paula"],
                family: ["Müller", "Schäfer", "Köhler", "Becker", "Wagner", "Hoffmann", "Krüger", "Vogel"],
                familyFirst: false, separator: " "),
        Culture(given: ["Emma", "Oliver", "Hannah", "James", "Grace", "Samuel", "Ruby", "Theo"],
                family: ["Walker", "Bennett", "Hughes", "Carter", "Reid", "Morgan", "Ellis", "Fraser"],
                familyFirst: false, separator: " "),
        Culture(given: ["Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Adaeze", "Tunde", "Folake", "Ikenna"],
                family: ["Okafor", "Adeyemi", "Balogun", "Eze", "Nwosu", "Okonkwo", "Adebayo", "Obi"],
                familyFirst: false, separator: " "),
        Culture(given: ["Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Dev"],
                family: ["Sharma", "Iyer", "Patel", "Reddy", "Nair", "Mehta", "Kapoor", "Rao"],
                familyFirst: false, separator: " "),
        Culture(given: ["Layla", "Omar", "Yasmin", "Karim", "Nour", "Samir", "Rania", "Tariq"],
                family: ["Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Farouk", "Aziz", "Hamdan"],
                familyFirst: false, separator: " "),
        Culture(given: ["Zofia", "Łukasz", "Agnieszka", "Paweł", "Małgorzata", "Tomasz", "Kasia", "Michał"],
                family: ["Nowak", "Wójcik", "Mazur", "Krawczyk", "Kaczmarek", "Wróbel", "Sikora", "Kubiak"],
                familyFirst: false, separator: " "),
        Culture(given: ["João", "Beatriz", "Gonçalo", "Leonor", "Tiago", "Mariana", "Inês", "Rui"],
                family: ["Conceição", "Gonçalves", "Araújo", "Simões", "Azevedo", "Magalhães", "Lobo", "Pires"],
                familyFirst: false, separator: " "),
        Culture(given: ["Elif", "Mert", "Zeynep", "Emre", "Ayşe", "Burak", "Deniz", "Selin"],
                family: ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Aydın", "Doğan", "Kaya", "Arslan"],
                familyFirst: false, separator: " "),
        Culture(given: ["Thu Hà", "Minh Anh", "Quang Huy", "Bảo Ngọc", "Đức Anh", "Lan Chi"],
                family: ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Đặng"],
                familyFirst: true, separator: " "),
        Culture(given: ["Siobhán", "Cian", "Aoife", "Pádraig", "Niamh", "Oisín"],
                family: ["O'Brien", "Kavanagh", "Byrne", "Gallagher", "Ó Súilleabháin", "Doyle"],
                familyFirst: false, separator: " "),
        Culture(given: ["Kofi", "Ama", "Kwame", "Akosua", "Yaw", "Efua"],
                family: ["Mensah", "Asante", "Owusu", "Boateng", "Appiah", "Darko"],
                familyFirst: false, separator: " "),
    ]

    /// Names that open the list, as (culture, given, family): the ones the README shows.
    static let featured: [(culture: Int, given: String, family: String)] = [
        (0, "Zoë", "Achterberg"), (1, "José", "Núñez"), (2, "Søren", "Ødegaard"), (3, "小明", "王"),
        (4, "花子", "佐藤"), (5, "민준", "김"), (6, "Amélie", "Lefèvre"), (9, "Chiamaka", "Okafor"),
        (10, "Priya", "Iyer"), (11, "Layla", "Haddad"), (12, "Łukasz", "Wróbel"), (13, "João", "Conceição"),
        (14, "Elif", "Yılmaz"), (15, "Thu Hà", "Nguyễn"), (16, "Siobhán", "Kavanagh"), (8, "Oliver", "Bennett"),
        (7, "Jonas", "Köhler"), (17, "Kwame", "Mensah"), (1, "Lucía", "Ortega"), (8, "Grace", "Hughes"),
    ]

    static let externalCoaches = [
        "Helen Marsh", "Tomás Reyes", "Ines Berger", "Kwabena Osei", "Claire Dubois-Hart", "Margit Sørensen",
    ]

    // MARK: Teams, roles and skills

    static let teams = ["strategy", "creative", "accounts", "media", "development"]
    /// How often each team is picked for people who are not heads of a team.
    static let teamWeights: [Double] = [2, 4, 3, 2, 3]

    /// Role titles by team, then by level (junior … partner).
    static let roles: [[[String]]] = [
        [["Junior Strategist"], ["Strategist", "Brand Strategist"], ["Senior Strategist"],
         ["Head of Strategy", "Strategy Lead"], ["Strategy Partner"]],
        [["Junior Designer", "Junior Copywriter"], ["Designer", "Copywriter", "Art Director"],
         ["Senior Art Director", "Senior Copywriter", "Senior Designer"], ["Creative Lead", "Creative Director"],
         ["Executive Creative Director", "Creative Partner"]],
        [["Account Executive"], ["Account Manager"], ["Senior Account Manager"],
         ["Account Director", "Group Account Director"], ["Client Services Partner"]],
        [["Media Assistant"], ["Media Planner", "Paid Social Planner"], ["Senior Media Planner"],
         ["Head of Media"], ["Media Partner"]],
        [["Junior Developer"], ["Developer", "Front-end Developer"], ["Senior Developer", "Senior Engineer"],
         ["Tech Lead", "Head of Engineering"], ["Technology Partner"]],
    ]

    /// Skills by team; `generalSkills` belong to everyone.
    static let teamSkills: [[String]] = [
        ["brand strategy", "UX research", "analytics", "client presentations", "workshop facilitation"],
        ["art direction", "copywriting", "storytelling", "creative feedback", "client presentations"],
        ["stakeholder management", "negotiation", "pitching", "budget management", "estimation"],
        ["media planning", "analytics", "negotiation", "SEO", "budget management"],
        ["front-end engineering", "estimation", "UX research", "project planning", "analytics"],
    ]
    static let generalSkills = ["team leadership", "pitching", "client presentations", "hiring", "public speaking"]

    // MARK: Coaching

    /// The five agency metrics an engagement can track.
    enum MetricKind: CaseIterable {
        case utilisation, winRate, nps, revisions, onTime

        var name: String {
            switch self {
            case .utilisation: "Billable utilisation"
            case .winRate: "Pitch win rate"
            case .nps: "Client NPS"
            case .revisions: "Revision rounds per project"
            case .onTime: "On-time delivery"
            }
        }
        var unit: String {
            switch self {
            case .utilisation, .winRate, .onTime: "%"
            case .nps: "pts"
            case .revisions: "rounds"
            }
        }
        var baselines: ClosedRange<Double> {
            switch self {
            case .utilisation: 54...66
            case .winRate: 18...30
            case .nps: 8...30
            case .revisions: 3.4...5.2
            case .onTime: 62...78
            }
        }
        var targets: ClosedRange<Double> {
            switch self {
            case .utilisation: 74...82
            case .winRate: 36...48
            case .nps: 40...58
            case .revisions: 1.8...2.5
            case .onTime: 88...96
            }
        }
        var direction: Direction { self == .revisions ? .lowerIsBetter : .higherIsBetter }
        /// Decimal places a reading keeps.
        var decimals: Int { self == .revisions ? 1 : 0 }
    }

    struct Focus {
        let text: String
        let metrics: [MetricKind]
        let objectives: [String]
        let topics: [String]
        /// The most junior level the focus suits.
        var from: Level = .junior
    }

    static let focuses: [Focus] = [
        Focus(text: "Presenting to the C-suite", metrics: [.winRate, .nps],
              objectives: ["Open every deck with the client's business problem", "Rehearse the Q&A with a partner before each board meeting",
                           "Cut the standard deck to twelve slides", "Lead the quarterly review for the largest account"],
              topics: ["storyline", "Q&A rehearsal", "executive summary", "body language"], from: .mid),
        Focus(text: "Running tighter estimates", metrics: [.onTime, .utilisation],
              objectives: ["Break every estimate into tasks under two days", "Compare estimate to actuals after each project",
                           "Add a risk line to every quote", "Review estimates with the tech lead before sending"],
              topics: ["estimate review", "scope", "risk buffer", "actuals vs estimate"]),
        Focus(text: "Fewer revision rounds on creative", metrics: [.revisions, .nps],
              objectives: ["Agree a written brief before first concepts", "Present two routes, not five",
                           "Get consolidated feedback from one client contact", "Run a tissue session before the first presentation"],
              topics: ["briefing", "feedback loops", "concept routes", "client sign-off"]),
        Focus(text: "Winning more pitches", metrics: [.winRate],
              objectives: ["Write a one-page pitch strategy before any design", "Run a red-team review two days before each pitch",
                           "Debrief every lost pitch with the prospect", "Build a reusable credentials deck"],
              topics: ["pitch strategy", "red-team review", "credentials", "lost-pitch debrief"]),
        Focus(text: "Delegating as a new team lead", metrics: [.utilisation, .onTime],
              objectives: ["Hand over two recurring reports", "Hold weekly one-to-ones with every direct report",
                           "Stop reviewing work that is not client-facing", "Write a team RACI for the main account"],
              topics: ["delegation", "one-to-ones", "team capacity", "letting go"], from: .senior),
        Focus(text: "Handling difficult client conversations", metrics: [.nps],
              objectives: ["Prepare the three hardest questions before each status call", "Deliver one piece of bad news early and in person",
                           "Name the scope change in the room, not by email", "Ask for feedback at the end of every meeting"],
              topics: ["difficult conversations", "scope creep", "expectation setting", "escalation"]),
        Focus(text: "Getting billable time back", metrics: [.utilisation],
              objectives: ["Log time daily for a month", "Move internal meetings to two afternoons a week",
                           "Say no to one non-billable project", "Review the timesheet with the account lead every Friday"],
              topics: ["time tracking", "internal meetings", "prioritising", "focus time"]),
        Focus(text: "Turning analytics into client stories", metrics: [.nps, .winRate],
              objectives: ["Open every report with three sentences of insight", "Replace the monthly dashboard dump with one chart per question",
                           "Present the quarterly results to the client yourself", "Pair with a strategist on one insight deck"],
              topics: ["insight writing", "data storytelling", "report structure", "charts"]),
        Focus(text: "Owning the media plan end to end", metrics: [.onTime, .nps],
              objectives: ["Build the next flighting plan without a template", "Run the supplier negotiation for one campaign",
                           "Present the post-campaign analysis to the client", "Set up the weekly pacing check"],
              topics: ["flighting", "supplier negotiation", "pacing", "post-campaign analysis"]),
        Focus(text: "Giving sharper creative feedback", metrics: [.revisions],
              objectives: ["Give feedback against the brief, not taste", "Write feedback down within a day of each review",
                           "Run a crit with the juniors every week", "Cut review rounds on the retainer to two"],
              topics: ["crit", "feedback against the brief", "taste vs brief", "review rounds"], from: .mid),
        Focus(text: "Negotiating scope changes", metrics: [.utilisation, .revisions],
              objectives: ["Send a change request for every new ask", "Agree a revision limit in every statement of work",
                           "Practise the scope conversation with the account director", "Price the next change request before saying yes"],
              topics: ["change requests", "statement of work", "negotiation", "pricing"]),
        Focus(text: "Shipping on time without heroics", metrics: [.onTime, .revisions],
              objectives: ["Plan releases a sprint ahead", "Flag risks at the Monday stand-up", "Stop working weekends for deadlines",
                           "Agree a freeze date with the client for each launch"],
              topics: ["planning", "risk flags", "sustainable pace", "launch checklist"]),
    ]

    static let cancelReasons = [
        "Cancelled: the client paused the account and the focus no longer applied.",
        "Cancelled when the role changed; picked up again as a mentoring goal.",
        "Cancelled by mutual agreement after the reorganisation of the team.",
        "Stopped early: the pitch season left no room for sessions.",
    ]

    // MARK: Mentoring

    /// What came of a closed mentoring relationship (picked by the mentee, not by the generator,
    /// so adding them changed no other demo value).
    static let mentoringOutcomes = [
        "Took over client presentations on their own; we meet when something comes up.",
        "Reached the goals we set; moved to a peer-mentoring group.",
        "Promoted to lead; now mentoring someone else.",
        "Closed when the mentee moved to another team.",
        "Ran its course after a year; both agreed to stop the regular meetings.",
    ]

    static let goalTemplates: [@Sendable (String) -> String] = [
        { "Lead a \($0) session for the team" },
        { "Get partner feedback on \($0) work" },
        { "Run a client workshop on \($0) without support" },
        { _ in "Build the case for promotion" },
        { _ in "Present at the Friday show-and-tell" },
        { _ in "Own the budget of one account" },
        { _ in "Guide an intern through their first project" },
        { $0.prefix(1).uppercased() + $0.dropFirst() + ": write a case study for the agency blog" },
        { _ in "Speak at a local industry meetup" },
    ]

    static let mentoringTopics = [
        "career path", "feedback", "visibility", "promotion case", "work-life balance", "confidence",
        "networking", "reading list", "managing up", "side project",
    ]

    // MARK: Session notes

    /// What a note template is filled with.
    struct NoteContext {
        /// The coachee or mentee, as notes call them.
        let name: String
        /// The coach or mentor.
        let other: String
        /// The engagement's focus or the relationship's focus area.
        let focus: String
        let topic: String
    }

    typealias Template = @Sendable (NoteContext) -> String

    static let coachingOpeners: [Template] = [
        { "Went through \($0.topic) with \($0.name). The work on \($0.focus.lowercased()) is starting to show." },
        { "\($0.name) brought a real example from this week: \($0.topic). We replayed it twice." },
        { "Short session, mostly on \($0.topic). \($0.name) had already tried last time's idea with the client." },
        { "Reviewed the numbers together. \($0.name) sees the link between \($0.topic) and the metric now." },
        { "\($0.name) was tired after the pitch, so we kept it light and talked about \($0.topic)." },
        { "Role-played the next client meeting, focusing on \($0.topic). Second run was much calmer." },
        { "Looked back at the last month. \($0.name) named \($0.topic) as the hardest part, which is honest." },
        { "Started with a win on \($0.topic) last week. Then worked on what still slips." },
        { "\($0.name) wanted to talk about \($0.topic) before the review on Thursday. Built a plan together." },
        { "We compared two weeks of timesheets and talked about \($0.topic). Some surprises." },
    ]

    static let mentoringOpeners: [Template] = [
        { "Coffee catch-up. \($0.name) talked about \($0.topic) and what the next year could look like." },
        { "\($0.name) asked how \($0.other) learned \($0.focus). Shared a few stories from old projects." },
        { "Walked through a piece of \($0.name)'s recent work on \($0.focus). Good instincts, needs more confidence." },
        { "We talked about \($0.topic). \($0.name) has been thinking about it since last time." },
        { "Long conversation about \($0.topic); \($0.name) is weighing a move towards \($0.focus)." },
        { "\($0.name) came with three questions on \($0.focus). We got through two." },
        { "Lunch session. Mostly \($0.topic), a little gossip about the industry." },
        { "\($0.other) shared the deck from an old \($0.focus) project; \($0.name) will adapt it." },
        { "Checked in on the goals. \($0.name) feels stuck on \($0.topic) and wants a stretch project." },
        { "Quick call between client meetings, about \($0.topic). Rescheduled the longer talk." },
    ]

    static let followUps: [Template] = [
        { "Agreed that \($0.name) tries one change before next time." },
        { "Next step is small and concrete, which suits \($0.name)." },
        { "Energy was good; \($0.name) left with a clear plan." },
        { "Need to follow up on \($0.topic) with the account lead." },
        { _ in "Felt like real progress." },
        { "Worth bringing \($0.topic) up again in a month." },
        { "\($0.name) will send a short summary by Friday." },
        { _ in "Some frustration about workload; keep an eye on it." },
    ]

    static let secondLines: [Template] = [
        { "Reminder: ask about the \($0.topic) results next time." },
        { _ in "Client names kept out of these notes on purpose." },
        { "Shared a link to the talk on \($0.focus.lowercased()) we discussed." },
        { "\($0.name) asked to keep this session private." },
        { _ in "Book the bigger room next time, the small one was taken." },
    ]

    /// Lines in other languages, for a few notes: quoted client feedback and the like.
    static let worldLines = [
        "Client feedback, verbatim: « Très clair, merci ! »",
        "The Tokyo office replied: 「とても分かりやすい提案でした」",
        "Seoul team's note on the draft: 좋은 방향입니다, 다음 주에 다시 봐요.",
        "Madrid's verdict: «¡Qué buena presentación!»",
        "Shanghai client: 很好，下周继续。",
        "Zürich asked for the German version: „Bitte bis Freitag.“",
    ]

    static let actionTemplates: [Template] = [
        { "Draft the opening three slides on \($0.topic)" },
        { "Send \($0.other) the revised plan" },
        { "Shadow \($0.other) in the Monday client call" },
        { "Write down one lesson about \($0.topic)" },
        { _ in "Book a rehearsal before the review" },
        { _ in "Compare this month's numbers with the baseline" },
        { "Ask the account lead for feedback on \($0.topic)" },
        { "Read the chapter on \($0.focus.lowercased()) \($0.other) recommended" },
        { _ in "Try the new checklist on the next project" },
        { _ in "Block two hours of focus time each week" },
    ]
}
