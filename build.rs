//! The card checkout's split points (src/split.rs) are on only when scripts/build-app.sh asks
//! for them (`CHECKOUT_WASM_SPLIT=1`, for the card checkout's release build): `--cfg wasm_split`
//! for this crate alone, and the linker's relocations that wasm-split-cli needs to cut the
//! module. Set here rather than in RUSTFLAGS, which would rebuild every dependency (std
//! included) a second time for the other pages: this way all pages share one build of them.
fn main() {
    println!("cargo::rerun-if-env-changed=CHECKOUT_WASM_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var("CHECKOUT_WASM_SPLIT").is_ok_and(|on| on == "1") {
        println!("cargo::rustc-cfg=wasm_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
