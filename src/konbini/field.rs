use leptos::prelude::*;

/// One labelled field of the konbini form, with its hint and what the rules (or the server)
/// say about it: blocking messages as errors, the others as notes.
#[component]
pub fn KonbiniField(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    /// `(message, blocking)`.
    #[prop(into)]
    messages: Signal<Vec<(String, bool)>>,
    #[prop(into)] disabled: Signal<bool>,
    /// The shopper changed the value.
    #[prop(into)]
    on_edit: Callback<()>,
) -> impl IntoView {
    let describedby = format!("{id}-notes");
    view! {
        <div class="konbini-field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |e| {
                    value.set(event_target_value(&e));
                    on_edit.run(());
                }
                aria-invalid=move || messages.with(|m| m.iter().any(|(_, blocking)| *blocking)).to_string()
                aria-describedby=describedby.clone()
                disabled=disabled
            />
            <div id=describedby class="notes" role="alert">
                {move || messages.get().into_iter().map(|(message, blocking)| view! {
                    <p class=if blocking { "field-error" } else { "field-warning" }>{message}</p>
                }).collect_view()}
            </div>
        </div>
    }
}
