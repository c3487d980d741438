//! Files the page made (the problems, the parts of a split file) as downloads: a Blob and its
//! object URL, which a link with `download` saves under a name. Object URLs are `blob:` of the
//! page's own origin, which the Content-Security-Policy's `'self'` does not need to name for a
//! download.

use js_sys::{Array, ArrayBuffer};

/// An object URL of `bytes` as a CSV file; `None` if the browser refuses (then no link).
pub fn csv_url(bytes: &ArrayBuffer) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&Array::of1(bytes), &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Lets the browser forget a URL of [`csv_url`].
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
