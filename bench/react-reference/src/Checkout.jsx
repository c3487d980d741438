import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { use, useEffect, useState } from 'react';

const money = (amount, currency) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);

/** A checkout attempt: the same for every press of Pay on this page (the server's order key). */
const attemptId = crypto.randomUUID();

export function Checkout({ config, stripe, session }) {
  const { cart, look } = config;
  const signedIn = use(session);
  const [paid, setPaid] = useState(null);
  // The server's skeleton stands in until the page is drawn.
  useEffect(() => document.getElementById('boot-skeleton')?.remove(), []);
  const options = {
    mode: 'payment',
    amount: cart.total,
    currency: cart.currency,
    paymentMethodCreation: 'manual',
    appearance: { theme: look.theme, variables: look.variables },
    customerSessionClientSecret: signedIn?.customerSessionClientSecret ?? undefined,
  };
  return (
    <>
      <header className="site-header">
        <a className="brand" href="/">Ferris &amp; Co.</a>
        <span className="secure">Secure checkout</span>
      </header>
      <main className="page">
        <div className="checkout">
          <div className="summary-column">
            <Summary cart={cart} />
          </div>
          <section className="payment" aria-label="Payment">
            {paid ? (
              <p role="status">Payment received: order {paid.orderId}.</p>
            ) : (
              <Elements stripe={stripe} options={options}>
                <PayForm cart={cart} layout={look.layout} onPaid={setPaid} />
              </Elements>
            )}
          </section>
        </div>
      </main>
    </>
  );
}

function Summary({ cart }) {
  return (
    <section className="order-summary" aria-labelledby="order-summary-title">
      <h2 id="order-summary-title">Order summary</h2>
      <ul>
        {cart.lines.map((line) => (
          <li key={line.productId}>
            <span>{line.name} × {line.quantity}</span>
            <span>{money(line.amount, cart.currency)}</span>
          </li>
        ))}
      </ul>
      <p className="order-total">
        <span>Total</span> <strong>{money(cart.total, cart.currency)}</strong>
      </p>
    </section>
  );
}

function PayForm({ cart, layout, onPaid }) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState(null);
  const [paying, setPaying] = useState(false);

  async function pay(event) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPaying(true);
    setError(null);
    try {
      const submitted = await elements.submit();
      if (submitted.error) throw submitted.error;
      const returnUrl = new URL('/complete', window.location.href).href;
      const { error: tokenError, confirmationToken } = await stripe.createConfirmationToken({
        elements,
        params: { return_url: returnUrl },
      });
      if (tokenError) throw tokenError;
      const response = await fetch('/api/checkout/confirm', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          attemptId,
          confirmationTokenId: confirmationToken.id,
          items: cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
        }),
      });
      const confirmed = await response.json();
      if (!response.ok) throw confirmed.error ?? confirmed;
      let status = confirmed.status;
      if (status === 'requires_action') {
        const next = await stripe.handleNextAction({ clientSecret: confirmed.clientSecret });
        if (next.error) throw next.error;
        status = next.paymentIntent.status;
      }
      if (status !== 'succeeded' && status !== 'processing') throw { message: 'Your payment could not be completed.' };
      onPaid(confirmed);
    } catch (failed) {
      setError(failed.message ?? 'Something went wrong.');
    } finally {
      setPaying(false);
    }
  }

  return (
    <form onSubmit={pay}>
      <PaymentElement options={{ layout }} />
      <button className="pay" type="submit" disabled={!stripe || paying}>
        Pay {money(cart.total, cart.currency)}
      </button>
      {error && <p className="payment-error" role="alert">{error}</p>}
    </form>
  );
}
