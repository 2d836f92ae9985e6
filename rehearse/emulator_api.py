#!/usr/bin/env python3
"""What one account holds in its moto server, read back or changed by hand, with boto3 (installed with moto).

  python3 emulator_api.py <endpoint> read-back <home region> [<other region> ...]
  python3 emulator_api.py <endpoint> call < calls.json

read-back prints every policy-carrying object of the account as JSON: IAM (users, groups, roles,
managed policies with their default version), S3 buckets (policy, default encryption), access
points and KMS keys (policy, aliases) in each region. call runs a JSON list of
{"service", "region", "operation", "params"} in order and prints their results.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]


def client(service, region):
    config = Config(retries={"max_attempts": 2}, s3={"addressing_style": "path"})
    endpoint = ENDPOINT
    if service == "s3control":
        # S3 Control puts the account id in front of the host (<id>.localhost), which does not
        # resolve: send it through the server as an HTTP proxy, as terraform does.
        endpoint = ENDPOINT.replace("127.0.0.1", "localhost")
        config = config.merge(Config(proxies={"http": ENDPOINT}))
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="AKIAREHEARSAL0000000",
        aws_secret_access_key="rehearsal",
        config=config,
    )


def missing(error, *codes):
    return isinstance(error, ClientError) and error.response["Error"]["Code"] in codes


def as_text(document):
    return document if isinstance(document, str) else json.dumps(document)


def read_iam(region):
    iam = client("iam", region)
    details = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
    for page in iam.get_paginator("get_account_authorization_details").paginate():
        for key in details:
            details[key].extend(page.get(key, []))

    def inline(entries):
        return [{"name": p["PolicyName"], "document": as_text(p["PolicyDocument"])} for p in entries]

    def attached(entries):
        return sorted(p["PolicyArn"] for p in entries)

    def tags(entry):
        return {t["Key"]: t["Value"] for t in entry.get("Tags", [])}

    users = []
    for u in details["UserDetailList"]:
        boundary = iam.get_user(UserName=u["UserName"])["User"].get("PermissionsBoundary", {})
        users.append({
            "name": u["UserName"], "path": u["Path"], "arn": u["Arn"],
            "boundary": boundary.get("PermissionsBoundaryArn"),
            "attached": attached(u.get("AttachedManagedPolicies", [])),
            "inline": inline(u.get("UserPolicyList", [])),
            "groups": sorted(u.get("GroupList", [])),
            "tags": tags(u),
        })
    groups = [{
        "name": g["GroupName"], "path": g["Path"], "arn": g["Arn"],
        "attached": attached(g.get("AttachedManagedPolicies", [])),
        "inline": inline(g.get("GroupPolicyList", [])),
    } for g in details["GroupDetailList"]]
    roles = [{
        "name": r["RoleName"], "path": r["Path"], "arn": r["Arn"],
        "trust": as_text(r["AssumeRolePolicyDocument"]),
        "boundary": r.get("PermissionsBoundary", {}).get("PermissionsBoundaryArn"),
        "attached": attached(r.get("AttachedManagedPolicies", [])),
        "inline": inline(r.get("RolePolicyList", [])),
        "tags": tags(r),
    } for r in details["RoleDetailList"]]
    policies = []
    for p in details["Policies"]:
        default = next(v for v in p["PolicyVersionList"] if v["IsDefaultVersion"])
        name = p["Arn"].rsplit("/", 1)[1]
        policies.append({"name": name, "path": p["Path"], "arn": p["Arn"], "document": as_text(default["Document"])})
    return {"users": users, "groups": groups, "roles": roles, "policies": policies}


def read_buckets(region):
    s3 = client("s3", region)
    buckets = []
    for b in s3.list_buckets()["Buckets"]:
        name = b["Name"]
        entry = {"name": name, "region": s3.get_bucket_location(Bucket=name).get("LocationConstraint") or "us-east-1"}
        try:
            entry["policy"] = s3.get_bucket_policy(Bucket=name)["Policy"]
        except ClientError as error:
            if not missing(error, "NoSuchBucketPolicy"):
                raise
        try:
            rules = s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"]
            by_default = rules[0]["ApplyServerSideEncryptionByDefault"]
            entry["encryption"] = {"algorithm": by_default["SSEAlgorithm"], "kmsKeyId": by_default.get("KMSMasterKeyID")}
        except ClientError as error:
            if not missing(error, "ServerSideEncryptionConfigurationNotFoundError"):
                raise
        try:
            entry["publicAccessBlock"] = s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        except ClientError as error:
            if not missing(error, "NoSuchPublicAccessBlockConfiguration"):
                raise
        buckets.append(entry)
    return buckets


def read_access_points(account_id, region, bucket_regions):
    # moto keeps access points per account (their ARNs always say us-east-1): an access point is in
    # its bucket's region, as in AWS.
    s3control = client("s3control", region)
    points = []
    for ap in s3control.list_access_points(AccountId=account_id).get("AccessPointList", []):
        entry = {"name": ap["Name"], "bucket": ap["Bucket"], "arn": ap["AccessPointArn"], "region": bucket_regions.get(ap["Bucket"], region)}
        try:
            entry["policy"] = s3control.get_access_point_policy(AccountId=account_id, Name=ap["Name"])["Policy"]
        except ClientError as error:
            if not missing(error, "NoSuchAccessPointPolicy"):
                raise
        points.append(entry)
    return points


def read_keys(region):
    kms = client("kms", region)
    aliases = kms.list_aliases().get("Aliases", [])
    keys = []
    for k in kms.list_keys()["Keys"]:
        keys.append({
            "id": k["KeyId"], "arn": k["KeyArn"], "region": region,
            "policy": kms.get_key_policy(KeyId=k["KeyId"], PolicyName="default")["Policy"],
            "aliases": sorted(a["AliasName"] for a in aliases if a.get("TargetKeyId") == k["KeyId"]),
        })
    return keys


def read_back(regions):
    home = regions[0]
    account_id = client("sts", home).get_caller_identity()["Account"]
    # ListBuckets is global: every region's buckets at once.
    buckets = read_buckets(home)
    return {
        "accountId": account_id,
        "iam": read_iam(home),
        "buckets": buckets,
        "accessPoints": read_access_points(account_id, home, {b["name"]: b["region"] for b in buckets}),
        "keys": [key for region in regions for key in read_keys(region)],
    }


def call(calls):
    results = []
    for c in calls:
        result = getattr(client(c["service"], c["region"]), c["operation"])(**c.get("params", {}))
        result.pop("ResponseMetadata", None)
        results.append(result)
    return results


def main():
    command = sys.argv[2]
    if command == "read-back":
        output = read_back(sys.argv[3:])
    elif command == "call":
        output = call(json.load(sys.stdin))
    else:
        raise SystemExit(f"unknown command {command!r}: read-back or call")
    json.dump(output, sys.stdout, default=str)


if __name__ == "__main__":
    main()
