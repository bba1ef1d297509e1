"""A development and test double of DUO's M2M APIs for gemeenten (gemeente-m2m-inburgering)."""
