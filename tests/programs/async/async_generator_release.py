# an async for left early over an async generator only it holds: the loop closes it by a task
import asyncio
async def ticks(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticks cleanup")

async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(other())
    async for v in ticks(10):
        print("v", v)
        if v == 1:
            break
    print("after loop")
    await t
    print([x async for x in ticks(3)])
asyncio.run(main())
