use serde_json::{Map, Value, json};

#[derive(Debug, Clone)]
pub struct Customer {
    pub id: String,
    /// The connected account it was made on, or `None`: the platform's.
    pub account: Option<String>,
    pub created: i64,
    pub email: Option<String>,
    pub name: Option<String>,
    pub invoice_prefix: String,
    pub metadata: Map<String, Value>,
}

impl Customer {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "customer",
            "address": null,
            "balance": 0,
            "created": self.created,
            "currency": null,
            "default_source": null,
            "delinquent": false,
            "description": null,
            "discount": null,
            "email": self.email,
            "invoice_prefix": self.invoice_prefix,
            "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null, "rendering_options": null},
            "livemode": false,
            "metadata": self.metadata,
            "name": self.name,
            "next_invoice_sequence": 1,
            "phone": null,
            "preferred_locales": [],
            "shipping": null,
            "tax_exempt": "none",
            "test_clock": null,
        })
    }
}
