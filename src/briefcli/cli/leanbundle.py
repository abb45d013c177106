"""The place of the lean path's bundle of compiled modules (`briefcli.cli.start.Bundle`).

The bundle is kept where this module's compiled file would be,
`__pycache__/leanbundle.TAG.pyc`, so that uninstalling brief removes it with the other
compiled files (an installer removes each module's compiled file, and nothing else it did
not write). Nothing imports this module; if something does, the interpreter finds that the
file is no compiled module of its own, compiles this one in its place, and the next lookup
writes the bundle again.
"""
