//! Which emails the upload takes: a documented subset of RFC 5322's `addr-spec`, the one mail
//! systems deliver to, checked byte by byte without allocating (500,000 rows in a worker).
//!
//! Why not an email crate: the RFC 5322 grammar such crates implement also takes quoted local
//! parts (`"john doe"@example.com`), comments, IP-literal domains (`a@[1.2.3.4]`) and
//! single-label domains (`a@localhost`). None of these belongs in a connected account's email,
//! Stripe's own rule is not published, and the worker would download the crate. So the rule is
//! the dot-atom form of RFC 5322 §3.4.1 with the length limits of RFC 5321 §4.5.3.1 and
//! host names of RFC 1123:
//!
//! * `local@domain`, exactly one `@`, at most 254 bytes in all;
//! * local part: 1 to 64 of `A-Z a-z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ -` (RFC 5322 atext)
//!   in dot-separated runs: no leading, trailing or double dot. Plus addressing
//!   (`jane+stripe@example.com`) is atext;
//! * domain: two or more dot-separated labels of 1 to 63 letters, digits and hyphens, neither
//!   starting nor ending with a hyphen; the last label is not all digits (so not an IP address).
//!   Subdomains are labels (`a@mail.eu.example.co.uk`).
//! * ASCII only: an internationalised domain is taken in its `xn--` form. Non-ASCII local parts
//!   (RFC 6531) are refused, since not every mail system on the way accepts them.

use serde::{Deserialize, Serialize};

/// RFC 5321: a path is at most 256 octets including the angle brackets.
const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

/// Why an email is refused: one code per rule of this module, for the page to word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailFault {
    /// A character outside ASCII.
    NotAscii,
    /// A space or other white space inside the address.
    Whitespace,
    /// More than 254 characters, or a local part of more than 64.
    TooLong,
    /// No `@`.
    MissingAt,
    /// More than one `@`.
    ExtraAt,
    /// The part before the `@` is empty, has a character email does not allow, or a dot at
    /// its start, its end or next to another.
    LocalPart,
    /// The part after the `@` is not a host name with a dot (`example.com`).
    Domain,
}

/// Checks one email (already trimmed) against the rule above.
///
/// ```
/// use account_emails::{EmailFault, check_email};
/// assert_eq!(check_email("jane+stripe@mail.example.co.uk"), Ok(()));
/// assert_eq!(check_email("jane.example.com"), Err(EmailFault::MissingAt));
/// assert_eq!(check_email("jane@localhost"), Err(EmailFault::Domain));
/// ```
pub fn check_email(email: &str) -> Result<(), EmailFault> {
    let bytes = email.as_bytes();
    if !email.is_ascii() {
        return Err(EmailFault::NotAscii);
    }
    if bytes.iter().any(u8::is_ascii_whitespace) {
        return Err(EmailFault::Whitespace);
    }
    if bytes.len() > MAX_LEN {
        return Err(EmailFault::TooLong);
    }
    let Some(at) = bytes.iter().position(|&b| b == b'@') else { return Err(EmailFault::MissingAt) };
    let (local, domain) = (&bytes[..at], &bytes[at + 1..]);
    if domain.contains(&b'@') {
        return Err(EmailFault::ExtraAt);
    }
    if local.len() > MAX_LOCAL_LEN {
        return Err(EmailFault::TooLong);
    }
    if !is_dot_atom(local) {
        return Err(EmailFault::LocalPart);
    }
    if !is_host_name(domain) {
        return Err(EmailFault::Domain);
    }
    Ok(())
}

/// Whether two valid emails name the same mailbox as far as this page can tell: the domain
/// is case-insensitive (RFC 1035 §2.3.3), the local part is not (RFC 5321 §2.4).
pub(crate) fn same_email(a: &str, b: &str) -> bool {
    match (a.rsplit_once('@'), b.rsplit_once('@')) {
        (Some((local_a, domain_a)), Some((local_b, domain_b))) => {
            local_a == local_b && domain_a.eq_ignore_ascii_case(domain_b)
        }
        _ => a == b,
    }
}

/// RFC 5322 `atext`.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_dot_atom(local: &[u8]) -> bool {
    !local.is_empty() && local.split(|&b| b == b'.').all(|run| !run.is_empty() && run.iter().all(|&b| is_atext(b)))
}

fn is_host_name(domain: &[u8]) -> bool {
    let mut labels = 0;
    let mut last: &[u8] = &[];
    for label in domain.split(|&b| b == b'.') {
        let ok = (1..=MAX_LABEL_LEN).contains(&label.len())
            && label.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
            && label[0] != b'-'
            && label[label.len() - 1] != b'-';
        if !ok {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && !last.iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_ordinary_addresses() {
        for email in [
            "email-a@email.com",
            "john.doe@example.com",
            "jane+stripe@example.com",
            "jane+tag+more@example.com",
            "a@b.co",
            "x@mail.eu.example.co.uk",
            "o'brien@example.ie",
            "user_name-1@sub-domain.example.org",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "USER@EXAMPLE.COM",
            "a@xn--bcher-kva.de",
            "a@123.example.com",
            "a@example.c0m",
        ] {
            assert_eq!(check_email(email), Ok(()), "{email}");
        }
    }

    #[test]
    fn names_why_an_address_is_refused() {
        let cases = [
            ("", EmailFault::MissingAt),
            ("jane", EmailFault::MissingAt),
            ("jane@", EmailFault::Domain),
            ("@example.com", EmailFault::LocalPart),
            ("jane@@example.com", EmailFault::ExtraAt),
            ("jane@exa@mple.com", EmailFault::ExtraAt),
            ("jane doe@example.com", EmailFault::Whitespace),
            ("jane@example.com\t", EmailFault::Whitespace),
            ("jäne@example.com", EmailFault::NotAscii),
            ("jane@bücher.de", EmailFault::NotAscii),
            (".jane@example.com", EmailFault::LocalPart),
            ("jane.@example.com", EmailFault::LocalPart),
            ("ja..ne@example.com", EmailFault::LocalPart),
            ("\"jane doe\"@example.com", EmailFault::Whitespace),
            ("\"jane\"@example.com", EmailFault::LocalPart),
            ("jane(comment)@example.com", EmailFault::LocalPart),
            ("jane,doe@example.com", EmailFault::LocalPart),
            ("jane@localhost", EmailFault::Domain),
            ("jane@example", EmailFault::Domain),
            ("jane@example.com.", EmailFault::Domain),
            ("jane@.example.com", EmailFault::Domain),
            ("jane@exa..mple.com", EmailFault::Domain),
            ("jane@-example.com", EmailFault::Domain),
            ("jane@example-.com", EmailFault::Domain),
            ("jane@exam_ple.com", EmailFault::Domain),
            ("jane@[192.168.0.1]", EmailFault::Domain),
            ("jane@192.168.0.1", EmailFault::Domain),
            ("jane@example.com>", EmailFault::Domain),
        ];
        for (email, fault) in cases {
            assert_eq!(check_email(email), Err(fault), "{email}");
        }
    }

    #[test]
    fn length_limits() {
        let local64 = "a".repeat(64);
        assert_eq!(check_email(&format!("{local64}@example.com")), Ok(()));
        assert_eq!(check_email(&format!("a{local64}@example.com")), Err(EmailFault::TooLong));
        let label63 = "b".repeat(63);
        assert_eq!(check_email(&format!("a@{label63}.com")), Ok(()));
        assert_eq!(check_email(&format!("a@b{label63}.com")), Err(EmailFault::Domain));
        // 254 in all is the most.
        let domain = format!("{0}.{0}.{0}.{1}.com", label63, "c".repeat(56));
        assert_eq!(format!("a@{domain}").len(), 254);
        assert_eq!(check_email(&format!("a@{domain}")), Ok(()));
        assert_eq!(check_email(&format!("ab@{domain}")), Err(EmailFault::TooLong));
    }

    #[test]
    fn the_domain_is_case_insensitive_the_local_part_is_not() {
        assert!(same_email("jane@Example.COM", "jane@example.com"));
        assert!(!same_email("Jane@example.com", "jane@example.com"));
        assert!(!same_email("jane@example.com", "jane@example.org"));
    }
}
