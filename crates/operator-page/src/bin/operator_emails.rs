//! The platform operator's connected accounts' emails, `/operator/emails`.

fn main() {
    operator_page::start();
}
