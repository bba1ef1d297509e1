"""Authentication and the caller's tenant scope."""

from inburgering.shared.auth.dependencies import CurrentPrincipal
from inburgering.shared.auth.principal import Principal, Rol
from inburgering.shared.auth.tokens import TokenVerifier, mint_dev_token

__all__ = ["CurrentPrincipal", "Principal", "Rol", "TokenVerifier", "mint_dev_token"]
