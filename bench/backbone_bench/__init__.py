"""The parts of bench/backbone.py: rigs, fixtures, report. Run the benchmark through that script."""
