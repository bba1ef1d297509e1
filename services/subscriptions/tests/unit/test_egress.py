"""The egress policy on its own: which receiver URLs the service may call. The numeric forms are
resolved by the operating system, as the connection would; nothing is sent anywhere."""

from __future__ import annotations

import pytest

from inburgering.shared.settings import Environment
from inburgering.subscriptions.adapters.egress import BestemmingGeweigerd, EgressPolicy
from inburgering.subscriptions.settings import SubscriptionsSettings

PRODUCTION = EgressPolicy(https_only=True, refuse_loopback=True)
DEVELOPMENT = SubscriptionsSettings().egress_policy()

LOOPBACK_FORMS = [
    "http://127.0.0.1:5432/",
    "http://127.1:8001/v1/abonnementen",
    "http://2130706433:8001/",
    "http://0x7f000001:8001/",
    "http://[::ffff:127.0.0.1]:8003/",
    "http://[::1]:8003/v1/abonnementen",
    "http://localhost:8001/",
]
INTERNAL = [
    "http://10.0.0.5/hook",
    "http://10.255.255.254/hook",
    "http://172.16.0.1/hook",
    "http://172.31.255.1/hook",
    "http://192.168.1.10/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/hook",
    "http://[fd00::1]/hook",
    "http://[fc00::1]/hook",
    "http://0.0.0.0/hook",
    "http://[::]/hook",
    "http://224.0.0.1/hook",
    "http://240.0.0.1/hook",
    "http://100.64.0.1/hook",
    "http://[::ffff:10.0.0.1]/hook",
    "http://[::ffff:169.254.169.254]/hook",
    "http://[64:ff9b::a00:1]/hook",
    "http://[2002:a00:1::]/hook",
]


def _resolving(table: dict[str, list[str]]):
    async def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


@pytest.mark.parametrize("url", LOOPBACK_FORMS)
async def test_loopback_in_every_spelling_is_refused_without_an_allow_list(url: str) -> None:
    policy = EgressPolicy(https_only=False, refuse_loopback=True)

    with pytest.raises(BestemmingGeweigerd):
        await policy.check(url)


@pytest.mark.parametrize("url", LOOPBACK_FORMS)
async def test_production_refuses_loopback_even_when_allow_listed(url: str) -> None:
    policy = EgressPolicy(
        https_only=False, allow=["127.0.0.0/8", "::1", "localhost"], refuse_loopback=True
    )

    with pytest.raises(BestemmingGeweigerd, match="loopback"):
        await policy.check(url)


@pytest.mark.parametrize("url", INTERNAL)
async def test_private_link_local_and_reserved_addresses_are_refused(url: str) -> None:
    with pytest.raises(BestemmingGeweigerd):
        await DEVELOPMENT.check(url)


async def test_a_name_is_refused_when_any_of_its_addresses_is_internal() -> None:
    policy = EgressPolicy(
        https_only=False,
        resolver=_resolving({"gemengd.example": ["145.97.39.155", "10.0.0.7"]}),
    )

    with pytest.raises(BestemmingGeweigerd):
        await policy.check("https://gemengd.example/hook")


async def test_a_public_address_is_accepted_and_pinned() -> None:
    policy = EgressPolicy(
        https_only=True, resolver=_resolving({"ontvanger.example": ["145.97.39.155"]})
    )

    bestemming = await policy.check("https://ontvanger.example/hook")

    assert (bestemming.host, bestemming.port, bestemming.addresses) == (
        "ontvanger.example",
        443,
        ("145.97.39.155",),
    )


@pytest.mark.parametrize(
    ("allow", "url"),
    [
        (["10.20.0.0/16"], "http://10.20.3.4/hook"),
        (["backoffice.gemeente.local"], "http://backoffice.gemeente.local/hook"),
        (["172.16.0.0/12"], "http://[::ffff:172.16.5.5]/hook"),
    ],
)
async def test_an_allow_listed_internal_receiver_is_accepted(allow: list[str], url: str) -> None:
    policy = EgressPolicy(
        https_only=False,
        allow=allow,
        refuse_loopback=True,
        resolver=_resolving({"backoffice.gemeente.local": ["10.9.8.7"]}),
    )
    if "backoffice" not in url:
        policy = EgressPolicy(https_only=False, allow=allow, refuse_loopback=True)

    assert (await policy.check(url)).addresses


async def test_the_allow_list_admits_only_what_it_names() -> None:
    policy = EgressPolicy(https_only=False, allow=["10.20.0.0/16"], refuse_loopback=True)

    with pytest.raises(BestemmingGeweigerd):
        await policy.check("http://10.21.0.1/hook")


async def test_production_requires_https_and_refuses_credentials_in_the_url() -> None:
    policy = EgressPolicy(
        https_only=True, resolver=_resolving({"ontvanger.example": ["145.97.39.155"]})
    )

    with pytest.raises(BestemmingGeweigerd, match="https"):
        await policy.check("http://ontvanger.example/hook")
    with pytest.raises(BestemmingGeweigerd, match="wachtwoord"):
        await policy.check("https://user:pass@ontvanger.example/hook")


async def test_an_unknown_host_is_refused() -> None:
    with pytest.raises(BestemmingGeweigerd, match="niet te vinden"):
        await PRODUCTION.check("https://bestaat-niet.invalid/hook")


def test_development_allows_loopback_and_production_allows_nothing_by_default() -> None:
    assert SubscriptionsSettings().egress_allow_entries == ["127.0.0.0/8", "::1"]
    # Constructed without validation: a valid production configuration needs real secrets.
    production = SubscriptionsSettings.model_construct(environment=Environment.PRODUCTION)
    assert production.egress_allow_entries == []


def test_a_malformed_allow_entry_is_refused_at_startup() -> None:
    with pytest.raises(ValueError, match="not a host name"):
        SubscriptionsSettings(egress_allow="10.0.0.0/8, http://x/")


def test_production_refuses_an_allow_list_with_loopback() -> None:
    settings = SubscriptionsSettings(egress_allow="127.0.0.1,10.0.0.0/8")

    assert "egress_allow names loopback, which production always refuses" in (
        settings.unsafe_for_production()
    )
