"""tandai's user interface: the Textual workbench and the ``tandai`` command line."""
