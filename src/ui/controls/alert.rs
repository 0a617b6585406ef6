//! A refused action's explanation, shown under the actions in `role="alert"`.

/// A refused action's explanation, shown in `role="alert"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub seq: u64,
    pub text: String,
}
