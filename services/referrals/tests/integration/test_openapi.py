import pytest

pytestmark = pytest.mark.integration


async def test_openapi_declares_the_problem_responses(client):
    document = (await client.get("/openapi.json")).json()
    paths = document["paths"]

    def statuses(path: str) -> set[str]:
        return set(paths[path]["get"]["responses"])

    # Subsets: FastAPI also lists a 422 the problem handlers never send (a shared-edge matter).
    assert {"200", "400", "401", "403"} <= statuses("/verwijzingen")
    assert {"200", "400", "401", "403", "404"} <= statuses("/verwijzingen/{verwijzing_id}")
    assert {"200", "400", "401"} <= statuses("/opleidingen")
    not_found = paths["/verwijzingen/{verwijzing_id}"]["get"]["responses"]["404"]
    assert "application/problem+json" in not_found["content"]
    ok = paths["/verwijzingen"]["get"]["responses"]["200"]
    assert "API-Version" in ok["headers"]
    parameters = {p["name"] for p in paths["/verwijzingen"]["get"]["parameters"]}
    assert {"inburgeraarId", "limit", "offset"} <= parameters
