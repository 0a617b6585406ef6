//! A teacher's ordered set of challenges, and its short text form for share links.
//!
//! The text is the challenges' names separated by commas: `status-at,problem-source,values-lost`.
//! A challenge about another order or moment than the examples' carries it after a colon:
//! `status-at:4@2024-03-06T12:00:00Z`, `problem-source:3`.

use super::Challenge;
use chrono::Datelike;
use std::fmt;
use std::str::FromStr;

/// At most this many challenges in a set.
pub const MAX_CHALLENGES: usize = 8;
/// The longest text a set's link may carry; every set `ChallengeSet::new` accepts fits.
pub const MAX_SET_CHARS: usize = 512;

/// Challenges in the order a class does them: at least one, none twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeSet(Vec<Challenge>);

/// Why a set (or its text) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChallengeSetError {
    Empty,
    TooLong {
        chars: usize,
        max: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// An entry between commas is empty (position from 1).
    EmptyEntry {
        position: usize,
    },
    Unknown(String),
    Duplicate(String),
    BadParameter {
        entry: String,
        expected: &'static str,
    },
}

impl fmt::Display for ChallengeSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("The challenge set is empty."),
            Self::TooLong { chars, max } => write!(
                f,
                "The challenge set is {chars} characters long; at most {max} are read."
            ),
            Self::TooMany { count, max } => {
                write!(f, "The set has {count} challenges; at most {max} are allowed.")
            }
            Self::EmptyEntry { position } => write!(f, "Challenge {position} of the set is empty."),
            Self::Unknown(entry) => write!(
                f,
                "\u{201c}{entry}\u{201d} is not a challenge (known: status-at, problem-source, values-lost)."
            ),
            Self::Duplicate(entry) => {
                write!(f, "\u{201c}{entry}\u{201d} is in the set twice.")
            }
            Self::BadParameter { entry, expected } => {
                write!(f, "In \u{201c}{entry}\u{201d}, expected {expected}.")
            }
        }
    }
}

impl std::error::Error for ChallengeSetError {}

impl ChallengeSet {
    /// A set of these challenges, in this order.
    pub fn new(challenges: Vec<Challenge>) -> Result<Self, ChallengeSetError> {
        if challenges.is_empty() {
            return Err(ChallengeSetError::Empty);
        }
        if challenges.len() > MAX_CHALLENGES {
            return Err(ChallengeSetError::TooMany {
                count: challenges.len(),
                max: MAX_CHALLENGES,
            });
        }
        for (i, challenge) in challenges.iter().enumerate() {
            if let Challenge::StatusAt { at, .. } = challenge {
                // The text form writes four-digit years only.
                if !(1..=9999).contains(&at.year()) {
                    return Err(ChallengeSetError::BadParameter {
                        entry: challenge.slug().to_string(),
                        expected: "a time between the years 1 and 9999",
                    });
                }
            }
            if challenges[..i].contains(challenge) {
                return Err(ChallengeSetError::Duplicate(code(challenge)));
            }
        }
        Ok(ChallengeSet(challenges))
    }

    /// The three challenges of the examples.
    pub fn standard() -> Self {
        ChallengeSet(Challenge::standard().to_vec())
    }

    pub fn challenges(&self) -> &[Challenge] {
        &self.0
    }

    /// Reads the text form: names are read in any case, spaces around entries are ignored.
    pub fn parse(text: &str) -> Result<Self, ChallengeSetError> {
        let chars = text.chars().count();
        if chars > MAX_SET_CHARS {
            return Err(ChallengeSetError::TooLong {
                chars,
                max: MAX_SET_CHARS,
            });
        }
        if text.trim().is_empty() {
            return Err(ChallengeSetError::Empty);
        }
        let challenges = text
            .split(',')
            .enumerate()
            .map(|(i, entry)| parse_entry(entry.trim(), i + 1))
            .collect::<Result<Vec<_>, _>>()?;
        Self::new(challenges)
    }
}

impl fmt::Display for ChallengeSet {
    /// The text form, for a share link.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries: Vec<String> = self.0.iter().map(code).collect();
        f.write_str(&entries.join(","))
    }
}

impl FromStr for ChallengeSet {
    type Err = ChallengeSetError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

/// One challenge's entry: its name alone when it is the examples' own.
fn code(challenge: &Challenge) -> String {
    let slug = challenge.slug();
    match challenge {
        _ if challenge.is_standard() => slug.to_string(),
        Challenge::StatusAt { order_id, at } => {
            format!("{slug}:{order_id}@{}", crate::domain::rfc3339::format(*at))
        }
        Challenge::ProblemSource { order_id } => format!("{slug}:{order_id}"),
        Challenge::ValuesLost => slug.to_string(),
    }
}

fn parse_entry(entry: &str, position: usize) -> Result<Challenge, ChallengeSetError> {
    if entry.is_empty() {
        return Err(ChallengeSetError::EmptyEntry { position });
    }
    let (name, parameter) = match entry.split_once(':') {
        Some((name, parameter)) => (name.trim(), Some(parameter.trim())),
        None => (entry, None),
    };
    let name = name.to_ascii_lowercase();
    let standard = Challenge::standard()
        .into_iter()
        .find(|c| c.slug() == name)
        .ok_or_else(|| ChallengeSetError::Unknown(entry.to_string()))?;
    let Some(parameter) = parameter else {
        return Ok(standard);
    };
    let bad = |expected| ChallengeSetError::BadParameter {
        entry: entry.to_string(),
        expected,
    };
    let order = |text: &str| text.trim().parse::<u64>().ok();
    match standard {
        Challenge::StatusAt { .. } => {
            const EXPECTED: &str = "an order and a time, such as status-at:3@2024-03-05T12:00:00Z";
            let (order_id, at) = parameter.split_once('@').ok_or_else(|| bad(EXPECTED))?;
            let at = crate::domain::rfc3339::parse(at.trim()).ok_or_else(|| bad(EXPECTED))?;
            Ok(Challenge::StatusAt {
                order_id: order(order_id).ok_or_else(|| bad(EXPECTED))?,
                at,
            })
        }
        Challenge::ProblemSource { .. } => Ok(Challenge::ProblemSource {
            order_id: order(parameter)
                .ok_or_else(|| bad("an order number, such as problem-source:2"))?,
        }),
        Challenge::ValuesLost => Err(bad("nothing after values-lost")),
    }
}
