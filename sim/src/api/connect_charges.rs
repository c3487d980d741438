//! A PaymentIntent's Connect parameters. A direct charge is made on the connected account
//! (`Stripe-Account`) and may take an `application_fee_amount` for the platform, which becomes
//! an application fee when it succeeds (docs.stripe.com/connect/direct-charges). A destination
//! charge is made on the platform for a connected account (`transfer_data[destination]`,
//! `on_behalf_of`), and may take an `application_fee_amount` too: an application fee from the
//! destination account when it succeeds. The stand-in records the charge's destination without
//! making the transfer Stripe makes.

use crate::error::ApiError;
use crate::objects::TransferData;
use crate::params::Params;
use crate::store::Store;

#[derive(Debug, Default)]
pub struct ConnectCharge {
    pub application_fee_amount: Option<i64>,
    pub on_behalf_of: Option<String>,
    pub transfer_data: Option<TransferData>,
}

/// The parameters of a PaymentIntent of `amount` made on `account` (`None`: the platform),
/// checked as Stripe checks them.
pub fn from_params(p: &Params, amount: i64, account: Option<&str>) -> Result<ConnectCharge, ApiError> {
    let fee = p.int("application_fee_amount")?;
    if fee.is_some_and(|fee| fee < 0) {
        return Err(ApiError::param_invalid(
            "application_fee_amount",
            "This value must be greater than or equal to 0.",
        ));
    }
    let transfer_data = p.hash("transfer_data")?.map(|data| transfer_data(&data, amount)).transpose()?;
    let on_behalf_of = p.str("on_behalf_of")?.map(str::to_owned);
    if account.is_some() && (transfer_data.is_some() || on_behalf_of.is_some()) {
        return Err(ApiError::invalid_request(
            "A PaymentIntent made on a connected account (Stripe-Account header) is a direct charge: it is already that \
             account's, so it takes neither transfer_data nor on_behalf_of, which make destination charges on the platform.",
        ));
    }
    if let (Some(on_behalf_of), Some(data)) = (&on_behalf_of, &transfer_data)
        && *on_behalf_of != data.destination
    {
        return Err(ApiError::param_invalid(
            "on_behalf_of",
            "The on_behalf_of account must be the transfer_data[destination] account of a destination charge.",
        ));
    }
    if let Some(fee) = fee {
        if account.is_none() && transfer_data.is_none() {
            // Stripe's words, as reported in Sylius/PayumStripe#14.
            return Err(ApiError::param_invalid(
                "application_fee_amount",
                "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an \
                 OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
            ));
        }
        // A destination charge gives the account its share one way: the whole amount less the
        // fee, or `transfer_data[amount]` (docs.stripe.com/connect/destination-charges).
        if transfer_data.as_ref().is_some_and(|data| data.amount.is_some()) {
            return Err(ApiError::invalid_request(
                "You may only specify one of these parameters: application_fee_amount, transfer_data[amount].",
            ));
        }
        // "The value of application_fee_amount must be positive and less than the amount of the
        // charge" (Stripe's direct charges guide, Collect fees).
        if fee > amount {
            return Err(ApiError::param_invalid(
                "application_fee_amount",
                format!(
                    "The application_fee_amount ({fee}) cannot be greater than the amount of the PaymentIntent ({amount})."
                ),
            ));
        }
    }
    Ok(ConnectCharge { application_fee_amount: fee, on_behalf_of, transfer_data })
}

fn transfer_data(data: &Params, amount: i64) -> Result<TransferData, ApiError> {
    data.allow_only(&["destination", "amount"])?;
    let destination =
        data.required_str("destination").map_err(|_| ApiError::param_missing("transfer_data[destination]"))?;
    let share = data.int("amount")?;
    if share.is_some_and(|share| !(0..=amount).contains(&share)) {
        return Err(ApiError::param_invalid(
            "transfer_data[amount]",
            format!("transfer_data[amount] must be between 0 and the amount of the PaymentIntent ({amount})."),
        ));
    }
    Ok(TransferData { destination: destination.to_owned(), amount: share })
}

/// The accounts a destination charge names must be the platform's connected accounts.
pub fn check_accounts(store: &Store, charge: &ConnectCharge) -> Result<(), ApiError> {
    if let Some(data) = &charge.transfer_data
        && store.account(&data.destination).is_none()
    {
        return Err(ApiError::no_such("destination", &data.destination, "transfer_data[destination]"));
    }
    if let Some(account) = &charge.on_behalf_of
        && store.account(account).is_none()
    {
        return Err(ApiError::no_such("account", account, "on_behalf_of"));
    }
    Ok(())
}
