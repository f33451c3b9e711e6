"""Tools for running a cohort on JupyterHub: accounts and folders, a REST client, the check."""
