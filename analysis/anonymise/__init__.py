"""anonymise"""
