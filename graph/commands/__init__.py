"""The write side: one command class per aggregate, each write one managed transaction."""
