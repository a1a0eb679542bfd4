import TandemCore

/// The dashboard's side of sealed notes: a private or partners session is saved only when the
/// identity can seal it (`AppState.cannotSeal` says why not), so it is never written in plain text.
enum Sealed {
    /// The form's error when its session would need sealing and there is no identity to seal with.
    static func refusal(_ form: Form, _ s: AppState) -> FieldErrors? {
        guard let reason = s.cannotSeal else { return nil }
        switch form.kind {
        case .log, .editSession:
            guard Visibility(rawValue: form.text("visibility"))?.isSealed ?? true else { return nil }
            return FieldErrors(["visibility": "not saved: \(reason)"])
        default:
            return nil
        }
    }
}
