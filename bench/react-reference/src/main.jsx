// The card checkout of the Leptos app, written as a React developer would with
// @stripe/react-stripe-js: the cart priced by the server, the Payment Element in deferred-intent
// mode (a ConfirmationToken the server confirms), 3-D Secure through handleNextAction.
// It reads the same inline configuration the server writes into every page and loads Stripe.js
// with loadStripe (which takes the Stripe.js already on the page: the benchmark puts the
// stand-in's there, before this bundle).
import { loadStripe } from '@stripe/stripe-js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../style/main.css';
import { Checkout } from './Checkout.jsx';

const config = JSON.parse(document.getElementById('checkout-config').textContent);
const session = fetch('/api/session', { credentials: 'same-origin' })
  .then((response) => (response.ok ? response.json() : null))
  .catch(() => null);
const stripe = loadStripe(config.publishableKey);

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Checkout config={config} stripe={stripe} session={session} />
  </StrictMode>,
);
