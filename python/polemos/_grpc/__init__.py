"""gRPC stubs generated from ``proto/polemos/v1`` by ``python/scripts/gen_grpc.py``; do not edit."""
