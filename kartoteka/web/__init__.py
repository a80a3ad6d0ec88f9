"""The web app: pages and their JSON twins over the library, with accounts."""
