fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(checkout_app::App);
    // The server's static skeleton held the page's shape until now.
    checkout_app::shared::remove_boot_skeleton();
}
