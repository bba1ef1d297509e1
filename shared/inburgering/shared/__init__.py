"""Seedwork shared by the inburgering services. A library: it is never run by itself."""
