"""Forgery: reaches the harness through sys.modules["__main__"] and replaces its report and fail
functions, so that whatever happens the report says every item arrived. Refused before it runs:
sys is not allowed in a link exercise (and the harness keeps its state inside a function, with an
empty module standing in for __main__, and checks at the end that it was not replaced)."""
import sys

harness = sys.modules["__main__"]


def _fake_report():
    harness.report.write('{"nonce":"%s","ok":true,"delivered":%d,"accepted":%d,"checksum":%d}\n' % (harness.nonce, harness.producers * harness.items, harness.producers * harness.items, 0))


harness.write_report = _fake_report
harness.fail = lambda message: None


class BoundedBuffer:
    def __init__(self, capacity):
        pass

    def put(self, item):
        return True

    def get(self):
        return None

    def close(self):
        pass
