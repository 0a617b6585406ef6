//! The parts of a share link's fragment. A link carries a scenario, a challenge set, or both:
//! `#scenario=<payload>`, `#scenario=<payload>&challenges=<set>`, `#challenges=<set>`.
//! Links made before challenges existed (a scenario alone) read exactly as before. The payload
//! is base64url, which has no `&`, so the parts split cleanly; parts this version does not know
//! are ignored. Pure, so native tests can use it.

use crate::domain::SCENARIO_PREFIX;

/// What follows `&` (or `#`) before a challenge set's text.
pub const CHALLENGES_PREFIX: &str = "challenges=";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct LinkParts<'a> {
    /// The scenario's payload, as it stands in the link.
    pub scenario: Option<&'a str>,
    /// The challenge set's text, percent-decoded (a browser may encode what a teacher typed,
    /// such as spaces after commas).
    pub challenges: Option<String>,
}

/// The parts of `fragment` (such as `location.hash`), or `None` when it is not a share link:
/// an empty hash, or an in-page anchor like `#databases`.
pub fn link_parts(fragment: &str) -> Option<LinkParts<'_>> {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    if !(body.starts_with(SCENARIO_PREFIX) || body.starts_with(CHALLENGES_PREFIX)) {
        return None;
    }
    let mut parts = LinkParts::default();
    for part in body.split('&') {
        if let Some(payload) = part.strip_prefix(SCENARIO_PREFIX) {
            parts.scenario.get_or_insert(payload);
        } else if let Some(text) = part.strip_prefix(CHALLENGES_PREFIX) {
            parts.challenges.get_or_insert_with(|| percent_decode(text));
        }
    }
    Some(parts)
}

/// `fragment` (a scenario's `#scenario=...`, or nothing) with the challenge set's text added.
/// The text is the set's own short form (names, digits, `-`, `,`, `:`, `@`), all of which may
/// stand in a fragment as they are.
pub fn with_challenges(fragment: Option<&str>, set: &str) -> String {
    match fragment {
        Some(fragment) => format!("{fragment}&{CHALLENGES_PREFIX}{set}"),
        None => format!("#{CHALLENGES_PREFIX}{set}"),
    }
}

/// Decodes `%XX` escapes; anything else (a lone `%` too) stays as it is. Bytes that do not
/// form UTF-8 become U+FFFD, which no challenge name contains, so such a set is refused.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex(hi).zip(hex(lo)),
            _ => None,
        };
        match escaped {
            Some((hi, lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_links_and_anchors_read_as_before() {
        assert_eq!(link_parts(""), None);
        assert_eq!(link_parts("#"), None);
        assert_eq!(link_parts("#databases"), None);
        let old = link_parts("#scenario=AbC-_").unwrap();
        assert_eq!(old.scenario, Some("AbC-_"));
        assert_eq!(old.challenges, None);
    }

    #[test]
    fn a_link_carries_a_scenario_challenges_or_both() {
        let both = link_parts("#scenario=AbC&challenges=status-at,values-lost").unwrap();
        assert_eq!(both.scenario, Some("AbC"));
        assert_eq!(both.challenges.as_deref(), Some("status-at,values-lost"));
        let only = link_parts("challenges=values-lost").unwrap();
        assert_eq!(only.scenario, None);
        assert_eq!(only.challenges.as_deref(), Some("values-lost"));
        // Unknown parts are ignored; the first of a repeated part counts.
        let more = link_parts("#challenges=a&lesson=3&challenges=b&scenario=X").unwrap();
        assert_eq!(more.challenges.as_deref(), Some("a"));
        assert_eq!(more.scenario, Some("X"));
    }

    #[test]
    fn challenge_text_is_percent_decoded_and_hostile_text_stays_text() {
        let parts = link_parts("#challenges=status-at,%20values-lost%3Cb%3E%zz%").unwrap();
        assert_eq!(
            parts.challenges.as_deref(),
            Some("status-at, values-lost<b>%zz%")
        );
        let bad_utf8 = link_parts("#challenges=%FF").unwrap();
        assert_eq!(bad_utf8.challenges.as_deref(), Some("\u{fffd}"));
    }

    #[test]
    fn links_are_made_with_or_without_a_scenario() {
        assert_eq!(
            with_challenges(Some("#scenario=AbC"), "values-lost"),
            "#scenario=AbC&challenges=values-lost"
        );
        assert_eq!(
            with_challenges(None, "status-at,values-lost"),
            "#challenges=status-at,values-lost"
        );
        let made = with_challenges(Some("#scenario=AbC"), "problem-source:3");
        let read = link_parts(&made).unwrap();
        assert_eq!(read.scenario, Some("AbC"));
        assert_eq!(read.challenges.as_deref(), Some("problem-source:3"));
    }
}
