//! Who is asking: the client's address, for the per-client limits. The peer address, or the
//! last address a trusted proxy wrote in `CHECKOUT_CLIENT_IP_HEADER` (the one it saw). IPv6
//! clients count per /64, the block one subscriber gets.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    pub fn of(parts: &Parts, header: Option<&str>) -> Self {
        let from_proxy = header.and_then(|name| {
            let value = parts.headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).next_back()?;
            value.rsplit(',').next()?.trim().parse::<IpAddr>().ok()
        });
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
        Self(block(from_proxy.or(peer).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))))
    }

    /// For the database's per-client records.
    pub fn key(&self) -> String {
        self.0.to_string()
    }
}

fn block(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::V6(Ipv6Addr::from(segments))
            }
        },
        v4 => v4,
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self::of(parts, state.config.client_ip_header.as_deref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(headers: &[(&str, &str)], peer: &str) -> Parts {
        let mut request = axum::http::Request::builder();
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        parts.extensions.insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        parts
    }

    #[test]
    fn the_peer_unless_a_trusted_proxy_names_the_client() {
        let p = parts(&[("x-forwarded-for", "203.0.113.9, 198.51.100.7")], "10.0.0.2:5000");
        assert_eq!(ClientIp::of(&p, None).key(), "10.0.0.2", "an untrusted header is ignored");
        assert_eq!(ClientIp::of(&p, Some("x-forwarded-for")).key(), "198.51.100.7", "the address our proxy saw");
        let garbage = parts(&[("x-forwarded-for", "not an address")], "10.0.0.2:5000");
        assert_eq!(ClientIp::of(&garbage, Some("x-forwarded-for")).key(), "10.0.0.2");
    }

    #[test]
    fn ipv6_clients_count_per_64() {
        let a = parts(&[], "[2001:db8:1:2:aaaa::1]:1");
        let b = parts(&[], "[2001:db8:1:2:bbbb::2]:1");
        assert_eq!(ClientIp::of(&a, None), ClientIp::of(&b, None));
        assert_eq!(ClientIp::of(&parts(&[], "[::ffff:192.0.2.1]:1"), None).key(), "192.0.2.1");
    }

    mod properties {
        use super::super::*;
        use super::parts;
        use proptest::prelude::*;

        proptest! {
            /// Whatever a proxy header holds, the client is an address: the header's last one if
            /// it is one (IPv6 per /64), the peer's otherwise.
            #[test]
            fn any_forwarded_header_gives_an_address(value in "[ -~]{0,60}", last in any::<std::net::Ipv4Addr>()) {
                let peer = "10.0.0.2:5000";
                let p = parts(&[("x-forwarded-for", &value)], peer);
                let client = ClientIp::of(&p, Some("x-forwarded-for"));
                let last_of_header = value.rsplit(',').next().map(str::trim).and_then(|v| v.parse::<IpAddr>().ok());
                prop_assert_eq!(client.0, block(last_of_header.unwrap_or("10.0.0.2".parse().unwrap())));
                let p = parts(&[("x-forwarded-for", &format!("{value}, {last}"))], peer);
                prop_assert_eq!(ClientIp::of(&p, Some("x-forwarded-for")).0, IpAddr::V4(last));
            }
        }
    }
}
