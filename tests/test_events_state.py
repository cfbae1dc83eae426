"""The event reader's state is declared once (`events/state.py`) and set in full by `_Reader.__init__`."""

import ast
import inspect

from khronika.extraction.events import reader
from khronika.extraction.events.state import ReaderState


def _attributes_set_in_init() -> set[str]:
    tree = ast.parse(inspect.getsource(reader._Reader))
    init = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    names = set()
    for node in ast.walk(init):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                if isinstance(element, ast.Attribute) and getattr(element.value, "id", None) == "self":
                    names.add(element.attr)
    return names


def test_every_attribute_the_reader_sets_is_declared_and_every_declared_one_is_set():
    assert _attributes_set_in_init() == set(ReaderState.__annotations__)


def test_every_role_mixin_reads_the_declared_state():
    mixins = [base for base in reader._Reader.__mro__[1:] if base not in (ReaderState, object)]
    assert mixins and all(issubclass(base, ReaderState) for base in mixins)
