#!/usr/bin/env python3
"""An implementation of Coop's proof format written from docs/audit.md alone ("The exact bytes"), with nothing of
Coop's code: it recomputes every value in vectors.json and checks the signature with openssl. Python 3.8+, and the
openssl command line (1.1.1 or newer) for Ed25519, which Python's standard library lacks.

    python3 docs/test-vectors/check.py docs/test-vectors/vectors.json
"""
import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile


def part(data):
    """A part of the chain hash's input: its length as a 4-byte big-endian signed integer, then its bytes; -1 alone
    for an absent part."""
    if data is None:
        return struct.pack(">i", -1)
    return struct.pack(">i", len(data)) + data


def metadata_without_hash(stored_text):
    """The stored metadata object without chainHash: keys ascending, no white space, only ", \\ and control characters
    escaped (as \\u00xx), UTF-8."""
    metadata = json.loads(stored_text)
    metadata.pop("chainHash", None)

    def quoted(text):
        out = '"'
        for c in text:
            if c in '"\\':
                out += "\\" + c
            elif ord(c) < 0x20:
                out += "\\u%04x" % ord(c)
            else:
                out += c
        return out + '"'

    return ("{" + ",".join(quoted(k) + ":" + quoted(metadata[k]) for k in sorted(metadata)) + "}").encode("utf-8")


def chain_hash(previous_hex, event):
    digest = hashlib.sha256()
    revision = event["revision"]
    for data in (
        previous_hex.encode("ascii"),
        event["aggregateId"].encode("utf-8"),
        str(event["sequence"]).encode("ascii"),
        event["payloadType"].encode("utf-8"),
        None if revision is None else revision.encode("utf-8"),
        event["timestamp"].encode("utf-8"),
        base64.b64decode(event["payloadBase64"]),
        metadata_without_hash(event["metadataStored"]),
    ):
        digest.update(part(data))
    return digest.hexdigest()


def leaf_hash(aggregate_id, sequence, chain_hex):
    identifier = aggregate_id.encode("utf-8")
    data = b"\x00" + struct.pack(">i", len(identifier)) + identifier + struct.pack(">q", sequence) + bytes.fromhex(chain_hex)
    return hashlib.sha256(data).digest()


def tree_hash(leaves):
    """RFC 6962, 2.1: split at the largest power of two smaller than n; inner node SHA-256(0x01 || left || right)."""
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + tree_hash(leaves[:k]) + tree_hash(leaves[k:])).digest()


def canonical(fields):
    """RFC 8785 for the checkpoint's fields: strings and integers only, members sorted by name, no white space."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main(path):
    vectors = json.load(open(path, encoding="utf-8"))
    failures = []

    def expect(what, actual, wanted):
        print(("ok    " if actual == wanted else "WRONG ") + what)
        if actual != wanted:
            failures.append(what)

    heads = {}
    for event in vectors["events"]:
        previous = heads.get(event["aggregateId"], "0" * 64)
        expect("previous hash of %s/%d" % (event["aggregateId"], event["sequence"]), previous, event["previousHash"])
        expect("metadata of %s/%d" % (event["aggregateId"], event["sequence"]),
               metadata_without_hash(event["metadataStored"]).decode("utf-8"), event["metadataWithoutHash"])
        computed = chain_hash(previous, event)
        expect("chain hash of %s/%d" % (event["aggregateId"], event["sequence"]), computed, event["chainHash"])
        heads[event["aggregateId"]] = computed

    leaves = []
    for leaf in vectors["leaves"]:
        computed = leaf_hash(leaf["aggregateId"], leaf["sequence"], heads[leaf["aggregateId"]])
        expect("leaf of %s" % leaf["aggregateId"], computed.hex(), leaf["leafHash"])
        leaves.append(computed)
    order = sorted(vectors["leaves"], key=lambda leaf: leaf["aggregateId"].encode("utf-8"))
    expect("leaves in the order of their ids' UTF-8 bytes", order, vectors["leaves"])
    root = tree_hash(leaves).hex()
    expect("root", root, vectors["root"])

    key = vectors["key"]
    der = base64.b64decode("".join(line for line in key["publicKeyPem"].splitlines() if "-----" not in line))
    expect("key id", "ed25519:" + hashlib.sha256(der).hexdigest()[:16], key["keyId"])

    checkpoint = vectors["checkpoint"]
    signed = canonical({name: value for name, value in checkpoint.items() if name != "signature"})
    expect("signed text", signed.decode("utf-8"), vectors["signedText"])
    expect("the checkpoint's root", checkpoint["root"], root)
    with tempfile.TemporaryDirectory() as directory:
        files = {name: os.path.join(directory, name) for name in ("key.pem", "signed.bin", "sig.bin")}
        open(files["key.pem"], "w").write(key["publicKeyPem"])
        open(files["signed.bin"], "wb").write(signed)
        open(files["sig.bin"], "wb").write(base64.b64decode(checkpoint["signature"]))
        verified = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", files["key.pem"], "-rawin",
             "-in", files["signed.bin"], "-sigfile", files["sig.bin"]],
            capture_output=True, text=True)
        expect("Ed25519 signature (openssl)", verified.returncode, 0)

    print("all hold" if not failures else "%d do not hold" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "vectors.json")))
