#!/usr/bin/env python3
"""Writes src/LocalVpc.Ec2Api/Model/{ec2,elbv2,sts}-model.json from the installed botocore's models.

Keeps only what the wire needs: operations (input/output shape), and per shape its type,
members with their shape, locationName and queryName, required members, list members and
enums. The model's documentation text is left out. Run it again when botocore is upgraded;
the output is committed so a build needs no botocore.
"""
import gzip, json, os, sys

import botocore

KEEP_MEMBER_KEYS = ("shape", "locationName", "queryName")


def strip(shape):
    out = {"type": shape["type"]}
    if shape["type"] == "structure":
        out["members"] = {name: {k: v for k, v in m.items() if k in KEEP_MEMBER_KEYS}
                          for name, m in shape["members"].items()}
        if shape.get("required"):
            out["required"] = shape["required"]
    elif shape["type"] == "list":
        out["member"] = {k: v for k, v in shape["member"].items() if k in ("shape", "locationName")}
        if shape.get("flattened"):
            out["flattened"] = True
    if "error" in shape:
        out["error"] = {k: v for k, v in shape["error"].items() if k in ("code", "httpStatusCode", "senderFault")}
    if "enum" in shape:
        out["enum"] = shape["enum"]
    for bound in ("min", "max"):
        if bound in shape:
            out[bound] = shape[bound]
    return out


def operation(op):
    out = {k: op[k]["shape"] for k in ("input", "output") if k in op}
    if "output" in op and "resultWrapper" in op["output"]:
        out["resultWrapper"] = op["output"]["resultWrapper"]
    return out


def write(service, version, file_name):
    root = os.path.dirname(botocore.__file__)
    model = json.load(gzip.open(os.path.join(root, f"data/{service}/{version}/service-2.json.gz")))
    result = {
        "botocore": botocore.__version__,
        "apiVersion": model["metadata"]["apiVersion"],
        "protocol": model["metadata"]["protocol"],
        "xmlNamespace": model["metadata"]["xmlNamespace"],
        "operations": {name: operation(op) for name, op in sorted(model["operations"].items())},
        "shapes": {name: strip(s) for name, s in sorted(model["shapes"].items())},
    }
    target = os.path.join(os.path.dirname(__file__), "..", "src", "LocalVpc.Ec2Api", "Model", file_name)
    with open(target, "w") as f:
        json.dump(result, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def main():
    write("ec2", "2016-11-15", "ec2-model.json")
    write("elbv2", "2015-12-01", "elbv2-model.json")
    write("sts", "2011-06-15", "sts-model.json")


if __name__ == "__main__":
    main()
