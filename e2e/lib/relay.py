#!/usr/bin/env python3
"""stdio <-> TCP relay for qemu's guestfwd "-cmd:" form: one process per guest connection.

The target host is hard-wired to loopback: whatever the guest asks for, this only ever dials
127.0.0.1:PORT (our metadata emulator), so a guest can reach nothing else through it.
"""
import os
import selectors
import socket
import sys


def main() -> int:
    port = int(sys.argv[1])
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.settimeout(None)
    sel = selectors.DefaultSelector()
    stdin = sys.stdin.fileno()
    stdout = sys.stdout.fileno()
    sel.register(stdin, selectors.EVENT_READ, "in")
    sel.register(sock, selectors.EVENT_READ, "sock")
    open_ends = 2
    while open_ends:
        for key, _ in sel.select():
            if key.data == "in":
                data = os.read(stdin, 65536)
                if not data:
                    sel.unregister(stdin)
                    sock.shutdown(socket.SHUT_WR)
                    open_ends -= 1
                else:
                    sock.sendall(data)
            else:
                data = sock.recv(65536)
                if not data:
                    sel.unregister(sock)
                    open_ends -= 1
                    return 0
                os.write(stdout, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
