"""Echoes in capitals."""
import selectors
import socket

selector = selectors.DefaultSelector()
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 7070))
listener.listen(512)
listener.setblocking(False)
selector.register(listener, selectors.EVENT_READ)
while True:
    for key, _ in selector.select():
        if key.fileobj is listener:
            client, _ = listener.accept()
            client.setblocking(True)
            selector.register(client, selectors.EVENT_READ)
            continue
        data = key.fileobj.recv(4096)
        if not data:
            selector.unregister(key.fileobj)
            key.fileobj.close()
        else:
            key.fileobj.sendall(data.upper())
