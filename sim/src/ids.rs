//! Object ids and secrets shaped like Stripe's: a prefix and 24 base62 characters.

use rand::Rng;
use rand::distr::Alphanumeric;

pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_chars(24))
}

/// `pi_..._secret_...`: the client secret Stripe.js is given for a PaymentIntent.
pub fn client_secret(id: &str) -> String {
    format!("{id}_secret_{}", random_chars(25))
}

fn random_chars(n: usize) -> String {
    rand::rng().sample_iter(&Alphanumeric).take(n).map(char::from).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_carry_their_prefix_and_differ() {
        let a = super::new_id("pi");
        assert!(a.starts_with("pi_") && a.len() == 27);
        assert_ne!(a, super::new_id("pi"));
        assert!(super::client_secret(&a).starts_with(&format!("{a}_secret_")));
    }
}
