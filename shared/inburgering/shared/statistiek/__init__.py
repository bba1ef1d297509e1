"""Pure rules for published figures that cross gemeenten."""
