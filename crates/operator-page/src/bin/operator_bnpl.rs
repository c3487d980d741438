//! The platform operator's BNPL dashboard, `/operator/bnpl`.

fn main() {
    operator_page::bnpl::start();
}
