# The errors of a manager that lacks the protocol or its exit method, for with and async with.
import asyncio
class OnlyEnter:
    def __enter__(self): return 1
    async def __aenter__(self): return 2
for m in (1, OnlyEnter()):
    try:
        with m:
            pass
    except TypeError as e:
        print(e)
async def main():
    for m in (1, OnlyEnter()):
        try:
            async with m:
                pass
        except TypeError as e:
            print(e)
asyncio.run(main())
