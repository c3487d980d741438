//! Split points: code the card checkout needs only after the shopper acts (pays) or beside the
//! card form (signing in, the discount code: fetched once the form is ready), kept out of its
//! first load. In the release build (`--cfg wasm_split`, set by build.rs
//! for scripts/build-app.sh) each `split!` function goes into a wasm chunk of its `module`, which
//! the page downloads the first time the function is called, or earlier with its `preload`
//! function; scripts/post-build.mjs cuts the module. Every other build (tests, `trunk serve`,
//! debug) calls the function directly, as any other.
//!
//! Leptos' `#[lazy]` does the same through the same crate (`leptos::wasm_split`), but a chunk
//! that fails to download (offline, a flaky network) then panics, and with the release build's
//! `-Cpanic=immediate-abort` a panic is a trap that leaves the whole page dead. A `split!`
//! function is `fallible` instead: it returns `Err(NotLoaded)`, nothing of it ran, and calling
//! it again downloads the chunk again.

use checkout_api::stripe_common::{ErrorType, StripeError};

/// A split point's chunk could not be downloaded: nothing of the function ran, and calling it
/// again tries the download again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// `code` of a [`NotLoaded`] error turned into a StripeError (see [`shopper_message`]).
const NOT_LOADED: &str = "chunk_not_loaded";

impl NotLoaded {
    /// As the error of an action: `doing` says what could not start ("The payment").
    pub fn into_error(self, doing: &str) -> StripeError {
        StripeError::new(
            ErrorType::ApiConnectionError,
            crate::i18n::tr_with(
                "{} could not start: part of the page did not download. Check your connection and try again.",
                doing,
            ),
        )
        .with_code(NOT_LOADED)
    }
}

/// What to show the shopper for an error: a chunk that did not download says so (Stripe's rule
/// shows only card and validation errors' own messages, the generic message otherwise).
pub fn shopper_message(err: &StripeError) -> &str {
    match (&err.code, &err.message) {
        (Some(code), Some(message)) if code == NOT_LOADED => message,
        _ => err.shopper_message(),
    }
}

/// Defines a split point:
///
/// ```ignore
/// split! {
///     /// docs
///     module pay, preload preload_pay;
///     pub async fn after_submit(a: A, b: B) -> Result<Paid, StripeError> { ... }
/// }
/// ```
///
/// The function becomes `async fn(..) -> Result<R, NotLoaded>` (`R` its declared return type;
/// it may be a sync `fn`, e.g. one that builds a view). Functions of one `module` share one
/// chunk. `preload name` also defines `async fn name() -> Result<(), SplitLoaderError>`, which
/// downloads the chunk without calling anything (one per module). Arguments are passed by
/// value (the chunk's function is `extern "C"`): no references, no generics, no `impl` types.
macro_rules! split {
    // A sync function.
    (
        $(#[$attr:meta])*
        module $module:ident $(, preload $preload:ident)?;
        $vis:vis fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty $body:block
    ) => {
        #[cfg(wasm_split)]
        #[::leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            $(preload(#[allow(dead_code)] $preload),)?
        )]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::split::NotLoaded> {
            ::core::result::Result::Ok($body)
        }

        #[cfg(not(wasm_split))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::split::NotLoaded> {
            ::core::result::Result::Ok($body)
        }

        $crate::split::split!(@preload $vis $($preload)?);
    };
    // An async function: its chunk's part returns the boxed future, which the caller awaits.
    (
        $(#[$attr:meta])*
        module $module:ident $(, preload $preload:ident)?;
        $vis:vis async fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty $body:block
    ) => {
        #[cfg(wasm_split)]
        #[::leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            $(preload(#[allow(dead_code)] $preload),)?
            return_wrapper(let future = _; { future.await } -> ::core::result::Result<$ret, $crate::split::NotLoaded>),
        )]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*)
            -> ::core::pin::Pin<::std::boxed::Box<dyn ::core::future::Future<Output = ::core::result::Result<$ret, $crate::split::NotLoaded>>>>
        {
            ::std::boxed::Box::pin(async move { ::core::result::Result::Ok(async move $body.await) })
        }

        #[cfg(not(wasm_split))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::split::NotLoaded> {
            ::core::result::Result::Ok(async move $body.await)
        }

        $crate::split::split!(@preload $vis $($preload)?);
    };
    // Unsplit builds: the code is already there.
    (@preload $vis:vis $preload:ident) => {
        #[cfg(not(wasm_split))]
        #[allow(dead_code)]
        $vis async fn $preload() -> ::core::result::Result<(), ::leptos::wasm_split::SplitLoaderError> {
            ::core::result::Result::Ok(())
        }
    };
    (@preload $vis:vis) => {};
}
pub(crate) use split;
