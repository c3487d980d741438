//! CustomerSessions: a signed-in customer's saved payment methods in the Payment Element.

use stripe_core::customer_session::{
    CreateCustomerSession, CreateCustomerSessionComponents, CreateCustomerSessionComponentsPaymentElement,
    CreateCustomerSessionComponentsPaymentElementFeatures,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodRedisplay as Redisplay,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodRemove as Remove,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodSave as Save,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodSaveUsage as SaveUsage,
};

use super::{Payments, upstream_error};
use crate::error::AppError;

impl Payments {
    /// A CustomerSession that lets the Payment Element list the customer's saved payment
    /// methods and offer to save a new one (for later off-session use); removing them only when
    /// the shop allows it (`allow_remove`).
    pub async fn create_customer_session(&self, customer: &str, allow_remove: bool) -> Result<String, AppError> {
        let mut features = CreateCustomerSessionComponentsPaymentElementFeatures::new();
        features.payment_method_redisplay = Some(Redisplay::Enabled);
        features.payment_method_save = Some(Save::Enabled);
        features.payment_method_remove = Some(if allow_remove { Remove::Enabled } else { Remove::Disabled });
        features.payment_method_save_usage = Some(SaveUsage::OffSession);
        let mut payment_element = CreateCustomerSessionComponentsPaymentElement::new(true);
        payment_element.features = Some(features);
        let mut components = CreateCustomerSessionComponents::new();
        components.payment_element = Some(payment_element);
        let session = CreateCustomerSession::new(components)
            .customer(customer)
            .send(&self.client.at("POST /v1/customer_sessions"))
            .await
            .map_err(upstream_error)?;
        Ok(session.client_secret)
    }
}
