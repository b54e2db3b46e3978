def greet(name: str) -> str:
    return f"Hello, {name}!"


for who in ["world", "pync"]:
    print(greet(who))
