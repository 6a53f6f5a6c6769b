#!/usr/bin/env python3
"""Runs a command in the guest through the qemu guest agent (virtio-serial unix socket).

usage: qga.py SOCKET [--timeout S] [--input TEXT] -- CMD ARG...   prints stdout+stderr, exits with the
       command's exit code (125 when the agent does not answer in time)
       qga.py SOCKET --ping                                     exits 0 when the agent answers
Protocol notes: sync with guest-sync and a fresh id, skip stale replies (the agent may still hold
answers to an earlier client's commands).
"""
import base64
import json
import random
import socket
import sys
import time


class Agent:
    def __init__(self, path, timeout):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = b""

    def _recv_json(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("agent closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        line = line.strip().lstrip(b"\xff")
        return json.loads(line) if line else self._recv_json()

    def call(self, command, arguments=None):
        msg = {"execute": command}
        if arguments is not None:
            msg["arguments"] = arguments
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        reply = self._recv_json()
        if "error" in reply:
            raise RuntimeError(reply["error"].get("desc", str(reply["error"])))
        return reply.get("return")

    def sync(self):
        ident = random.randint(1, 2**31)
        self.sock.sendall(json.dumps({"execute": "guest-sync", "arguments": {"id": ident}}).encode() + b"\n")
        while True:
            reply = self._recv_json()
            if reply.get("return") == ident:
                return


def main():
    args = sys.argv[1:]
    path = args.pop(0)
    timeout = 60.0
    stdin_text = None
    if args and args[0] == "--ping":
        try:
            agent = Agent(path, 3)
            agent.sync()
            return 0
        except Exception:
            return 1
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--timeout":
            timeout = float(args.pop(0))
        elif opt == "--input":
            stdin_text = args.pop(0)
    args.pop(0)
    agent = Agent(path, 10)
    agent.sync()
    exec_args = {"path": args[0], "arg": args[1:], "capture-output": True}
    if stdin_text is not None:
        exec_args["input-data"] = base64.b64encode(stdin_text.encode()).decode()
    pid = agent.call("guest-exec", exec_args)["pid"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = agent.call("guest-exec-status", {"pid": pid})
        if status.get("exited"):
            for stream, out in (("out-data", sys.stdout), ("err-data", sys.stderr)):
                if status.get(stream):
                    out.write(base64.b64decode(status[stream]).decode(errors="replace"))
            return status.get("exitcode", 0)
        time.sleep(0.2)
    sys.stderr.write("qga: command did not finish within %.0f s\n" % timeout)
    return 125


if __name__ == "__main__":
    sys.exit(main())
