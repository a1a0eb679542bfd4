import TandemCore

/// The notification hook on the dashboard's side: which events to hand to the hook, and what
/// to say when it ran. The rules are `NotifyRules` (TandemCore); running the command is
/// `Effect.notify`, done in the background by the runtime.
enum Notify {
    /// How often a tick looks for events (they change with the data and the day, not by the second).
    static let checkSeconds: Double = 30

    /// On a tick: the events not handed to the hook yet, when there is a hook and it is time to look.
    static func check(_ s: inout AppState) -> [Effect] {
        guard !s.notifyCommand.isEmpty, s.now - s.lastNotifyCheck >= checkSeconds else { return [] }
        s.lastNotifyCheck = s.now
        let fresh = NotifyRules.unannounced(NotifyRules.events(in: s.data, today: s.today), announced: s.notifyAsked)
        guard !fresh.isEmpty else { return [] }
        for e in fresh { s.notifyAsked.insert(e.key) }
        return [.notify(fresh, command: s.notifyCommand)]
    }

    /// The hook ran: a failure is said on the status line (never fatal); success is quiet.
    static func notified(_ s: inout AppState, _ events: [NotifyEvent], _ failures: [String]) -> [Effect] {
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            s.status = Status("Notify command failed: \(first)\(more)", .error)
        }
        return []
    }
}
