"""ooi: compliance tracker for Kota Batu's One Agency One Innovation movement."""

__version__ = "0.1.0"
