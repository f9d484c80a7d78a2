"""factors"""
